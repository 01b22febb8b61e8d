import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124065857 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_session" add column if not exists "customer_ids" text[] null, add column if not exists "customers_checked_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_session" drop column if exists "customer_ids", drop column if exists "customers_checked_at";`);
  }

}
