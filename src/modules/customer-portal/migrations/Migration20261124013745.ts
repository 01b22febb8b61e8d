import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124013745 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "subscription" drop constraint if exists "subscription_order_line_unique";`);
    this.addSql(`alter table if exists "subscription" add column if not exists "order_line_item_id" text null, add column if not exists "region_id" text null, add column if not exists "sales_channel_id" text null, add column if not exists "quantity" integer not null default 1;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_subscription_order_line_unique" ON "subscription" ("order_line_item_id") WHERE order_line_item_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_subscription_order_line_unique";`);
    this.addSql(`alter table if exists "subscription" drop column if exists "order_line_item_id", drop column if exists "region_id", drop column if exists "sales_channel_id", drop column if exists "quantity";`);
  }

}
