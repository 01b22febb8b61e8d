import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124041031 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "license_plan" drop constraint if exists "license_plan_variant_unique";`);
    this.addSql(`create table if not exists "license_plan" ("id" text not null, "product_variant_id" text not null, "activation_limit" integer null, "validity_days" integer null, "key_prefix" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "license_plan_pkey" primary key ("id"), constraint license_plan_activation_limit check (activation_limit IS NULL OR activation_limit BETWEEN 1 AND 100000), constraint license_plan_validity_days check (validity_days IS NULL OR validity_days BETWEEN 1 AND 36500), constraint license_plan_key_prefix check (key_prefix IS NULL OR key_prefix ~ '^[A-Z0-9]{1,10}\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_plan_deleted_at" ON "license_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_license_plan_variant_unique" ON "license_plan" ("product_variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_license_key_order_line";`);

    this.addSql(`alter table if exists "license_key" add column if not exists "line_unit" integer null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_license_key_order_line_unit" ON "license_key" ("order_line_item_id", "line_unit") WHERE order_line_item_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "license_plan" cascade;`);

    this.addSql(`drop index if exists "IDX_license_key_order_line_unit";`);
    this.addSql(`alter table if exists "license_key" drop column if exists "line_unit";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_key_order_line" ON "license_key" ("order_line_item_id") WHERE order_line_item_id IS NOT NULL AND deleted_at IS NULL;`);
  }

}
