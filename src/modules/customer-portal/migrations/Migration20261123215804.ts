import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123215804 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_rate_limit" drop constraint if exists "portal_rate_limit_key_unique";`);
    this.addSql(`create table if not exists "portal_rate_limit" ("id" text not null, "key" text not null, "tat" timestamptz not null, "last_allowed" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_rate_limit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_rate_limit_deleted_at" ON "portal_rate_limit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_rate_limit_key_unique" ON "portal_rate_limit" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_rate_limit_tat" ON "portal_rate_limit" ("tat") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_rate_limit" cascade;`);
  }

}
