import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124012458 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "subscription_plan" drop constraint if exists "subscription_plan_variant_unique";`);
    this.addSql(`create table if not exists "subscription_plan" ("id" text not null, "product_variant_id" text not null, "interval" text check ("interval" in ('day', 'week', 'month', 'year')) not null, "interval_count" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "subscription_plan_pkey" primary key ("id"), constraint subscription_plan_interval_count check (interval_count BETWEEN 1 AND 366));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_plan_deleted_at" ON "subscription_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_subscription_plan_variant_unique" ON "subscription_plan" ("product_variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "test_card" ("id" text not null, "holder" text null, "brand" text not null, "last4" text not null, "exp_month" integer not null, "exp_year" integer not null, "fingerprint" text not null, "behavior" text check ("behavior" in ('succeeds', 'declined', 'charge_fails', 'insufficient_funds', 'requires_action')) not null, "confirmed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "test_card_pkey" primary key ("id"), constraint test_card_last4 check (last4 ~ '^[0-9]{4}\$'), constraint test_card_exp_month check (exp_month BETWEEN 1 AND 12));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_test_card_deleted_at" ON "test_card" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_test_card_holder" ON "test_card" ("holder", "created_at") WHERE holder IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subscription_plan" cascade;`);

    this.addSql(`drop table if exists "test_card" cascade;`);
  }

}
