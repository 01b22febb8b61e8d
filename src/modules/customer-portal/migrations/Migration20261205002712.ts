import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205002712 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_activity" add column if not exists "mode" text check ("mode" in ('test', 'live')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_activity" drop column if exists "mode";`);
  }

}
