import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204185852 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "invoice" drop constraint if exists "invoice_charge_cart_unique";`);
    this.addSql(`alter table if exists "portal_activity" drop constraint if exists "portal_activity_action_check";`);

    this.addSql(`alter table if exists "invoice" add column if not exists "charge_cart_id" text null, add column if not exists "charge_attempt" jsonb null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_charge_cart_unique" ON "invoice" ("charge_cart_id") WHERE charge_cart_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "license_key" add column if not exists "revoked_reason" text check ("revoked_reason" in ('merchant', 'order_canceled', 'order_refunded')) null;`);

    this.addSql(`alter table if exists "portal_activity" add constraint "portal_activity_action_check" check("action" in ('link_issued', 'signed_in', 'signed_out', 'signed_out_everywhere', 'access_revoked', 'subscription_cancelled', 'cancellation_undone', 'subscription_renewed', 'subscription_payment_failed', 'subscription_reactivated', 'subscription_ended', 'license_keys_revoked', 'license_keys_restored', 'payment_method_added', 'payment_method_changed', 'profile_updated', 'email_change_requested', 'email_changed', 'email_change_undone', 'email_confirmation_requested', 'email_confirmed'));`);

    this.addSql(`alter table if exists "subscription" add column if not exists "charge_fence" integer not null default 0;`);

    // Attempts kept in metadata before they had their own columns.
    this.addSql(`update "invoice" set "charge_cart_id" = metadata->>'renewal_cart_id',
      "charge_attempt" = case when metadata ? 'pending_payment_method' then jsonb_build_object('adopt_method', metadata->'pending_payment_method') else '{}'::jsonb end,
      metadata = metadata - 'renewal_cart_id' - 'pending_payment_method'
      where metadata->>'renewal_cart_id' is not null and deleted_at is null;`);
    // Keys revoked before reasons were kept were revoked by the merchant.
    this.addSql(`update "license_key" set "revoked_reason" = 'merchant' where status = 'revoked' and revoked_reason is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_activity" drop constraint if exists "portal_activity_action_check";`);

    this.addSql(`drop index if exists "IDX_invoice_charge_cart_unique";`);
    this.addSql(`alter table if exists "invoice" drop column if exists "charge_cart_id", drop column if exists "charge_attempt";`);

    this.addSql(`alter table if exists "license_key" drop column if exists "revoked_reason";`);

    this.addSql(`alter table if exists "portal_activity" add constraint "portal_activity_action_check" check("action" in ('link_issued', 'signed_in', 'signed_out', 'signed_out_everywhere', 'access_revoked', 'subscription_cancelled', 'cancellation_undone', 'payment_method_added', 'payment_method_changed', 'profile_updated', 'email_change_requested', 'email_changed', 'email_change_undone', 'email_confirmation_requested', 'email_confirmed'));`);

    this.addSql(`alter table if exists "subscription" drop column if exists "charge_fence";`);
  }

}
