import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124034438 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_idempotency_key" drop constraint if exists "portal_idempotency_key_unique";`);
    this.addSql(`create table if not exists "portal_idempotency_key" ("id" text not null, "scope" text not null, "key" text not null, "fingerprint" text not null, "state" text check ("state" in ('in_progress', 'done')) not null default 'in_progress', "started_at" timestamptz not null, "response_status" integer null, "response_body" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_idempotency_key_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_idempotency_key_deleted_at" ON "portal_idempotency_key" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_idempotency_key_unique" ON "portal_idempotency_key" ("scope", "key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_idempotency_key_started" ON "portal_idempotency_key" ("started_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_idempotency_key" cascade;`);
  }

}
