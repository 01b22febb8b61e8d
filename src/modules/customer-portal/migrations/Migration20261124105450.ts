import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124105450 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "portal_activity" ("id" text not null, "portal_id" text null, "customer_id" text not null, "action" text check ("action" in ('link_issued', 'signed_in', 'signed_out', 'signed_out_everywhere', 'access_revoked', 'subscription_cancelled', 'cancellation_undone', 'payment_method_added', 'payment_method_changed', 'profile_updated', 'email_change_requested', 'email_changed')) not null, "actor_type" text check ("actor_type" in ('customer', 'admin', 'system')) not null, "actor_id" text null, "ip" text null, "user_agent" text null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_activity_deleted_at" ON "portal_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_activity_customer_created" ON "portal_activity" ("customer_id", "created_at", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_activity" cascade;`);
  }

}
