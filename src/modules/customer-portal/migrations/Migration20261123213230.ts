import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123213230 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_session" drop constraint if exists "portal_session_token_hash_unique";`);
    this.addSql(`alter table if exists "portal_link" drop constraint if exists "portal_link_static_per_mode_unique";`);
    this.addSql(`alter table if exists "portal_link" drop constraint if exists "portal_link_token_hash_unique";`);
    this.addSql(`alter table if exists "license_activation" drop constraint if exists "license_activation_active_instance_unique";`);
    this.addSql(`alter table if exists "license_key" drop constraint if exists "license_key_key_unique";`);
    this.addSql(`alter table if exists "invoice" drop constraint if exists "invoice_source_unique";`);
    this.addSql(`alter table if exists "invoice" drop constraint if exists "invoice_sequence_unique";`);
    this.addSql(`alter table if exists "invoice" drop constraint if exists "invoice_number_unique";`);
    this.addSql(`alter table if exists "customer_portal" drop constraint if exists "customer_portal_business_id_unique";`);
    this.addSql(`create table if not exists "customer_portal" ("id" text not null, "business_id" text not null, "mode" text check ("mode" in ('test', 'live')) not null default 'test', "name" text not null, "logo_url" text null, "accent_color" text null, "support_email" text null, "return_url" text null, "default_locale" text not null default 'en', "business_address" jsonb null, "allow_cancellation" boolean not null default true, "cancellation_mode" text check ("cancellation_mode" in ('immediately', 'period_end', 'both')) not null default 'both', "allow_payment_method_update" boolean not null default true, "allow_profile_edit" boolean not null default true, "allow_license_deactivation" boolean not null default true, "invoice_sequence" integer not null default 0, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_portal_pkey" primary key ("id"), constraint customer_portal_accent_color_hex check (accent_color IS NULL OR accent_color ~ '^#[0-9a-fA-F]{6}\$'), constraint customer_portal_invoice_sequence_non_negative check (invoice_sequence >= 0));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_portal_business_id_unique" ON "customer_portal" ("business_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_portal_deleted_at" ON "customer_portal" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoice" ("id" text not null, "portal_id" text not null, "mode" text check ("mode" in ('test', 'live')) not null, "number" text not null, "sequence" integer not null, "customer_id" text not null, "order_id" text null, "subscription_id" text null, "source_type" text check ("source_type" in ('order', 'renewal', 'dues')) not null, "source_id" text not null, "status" text check ("status" in ('open', 'paid', 'void', 'uncollectible')) not null default 'open', "currency_code" text not null, "subtotal" numeric not null, "discount_total" numeric not null, "shipping_total" numeric not null, "tax_total" numeric not null, "total" numeric not null, "issued_at" timestamptz not null, "paid_at" timestamptz null, "voided_at" timestamptz null, "customer_email" text not null, "customer_name" text null, "billing_address" jsonb null, "payment_id" text null, "payment_method_label" text null, "locale" text null, "metadata" jsonb null, "raw_subtotal" jsonb not null, "raw_discount_total" jsonb not null, "raw_shipping_total" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_pkey" primary key ("id"), constraint invoice_sequence_positive check (sequence > 0), constraint invoice_currency_code check (currency_code ~ '^[a-z]{3}\$'), constraint invoice_amounts_minor_units check (subtotal >= 0 AND subtotal = trunc(subtotal) AND discount_total >= 0 AND discount_total = trunc(discount_total) AND shipping_total >= 0 AND shipping_total = trunc(shipping_total) AND tax_total >= 0 AND tax_total = trunc(tax_total) AND total >= 0 AND total = trunc(total)), constraint invoice_total_adds_up check (total = subtotal - discount_total + shipping_total + tax_total), constraint invoice_status_dates check ((status <> 'paid' OR paid_at IS NOT NULL) AND (status <> 'void' OR voided_at IS NOT NULL)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_deleted_at" ON "invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_number_unique" ON "invoice" ("portal_id", "number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_sequence_unique" ON "invoice" ("portal_id", "sequence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_source_unique" ON "invoice" ("source_type", "source_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_issued" ON "invoice" ("customer_id", "issued_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_status_issued" ON "invoice" ("customer_id", "status", "issued_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_order" ON "invoice" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_subscription" ON "invoice" ("subscription_id") WHERE subscription_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_status_issued" ON "invoice" ("status", "issued_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoice_line" ("id" text not null, "kind" text check ("kind" in ('item', 'shipping')) not null default 'item', "title" text not null, "description" text null, "product_variant_id" text null, "quantity" integer not null, "unit_price" numeric not null, "subtotal" numeric not null, "discount_total" numeric not null, "tax_total" numeric not null, "total" numeric not null, "rank" integer not null default 0, "invoice_id" text not null, "raw_unit_price" jsonb not null, "raw_subtotal" jsonb not null, "raw_discount_total" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_line_pkey" primary key ("id"), constraint invoice_line_quantity_positive check (quantity > 0), constraint invoice_line_amounts_minor_units check (unit_price >= 0 AND unit_price = trunc(unit_price) AND subtotal >= 0 AND subtotal = trunc(subtotal) AND discount_total >= 0 AND discount_total = trunc(discount_total) AND tax_total >= 0 AND tax_total = trunc(tax_total) AND total >= 0 AND total = trunc(total)), constraint invoice_line_total_adds_up check (total = subtotal - discount_total + tax_total));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_line_invoice_id" ON "invoice_line" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_line_deleted_at" ON "invoice_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "license_key" ("id" text not null, "portal_id" text not null, "mode" text check ("mode" in ('test', 'live')) not null, "key" text not null, "customer_id" text not null, "order_id" text null, "order_line_item_id" text null, "product_variant_id" text null, "subscription_id" text null, "product_title" text not null, "status" text check ("status" in ('active', 'disabled', 'revoked', 'expired')) not null default 'active', "activation_limit" integer null, "expires_at" timestamptz null, "disabled_at" timestamptz null, "revoked_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "license_key_pkey" primary key ("id"), constraint license_key_format check (key ~ '^[A-Z0-9]+(-[A-Z0-9]+)+\$' AND length(key) BETWEEN 16 AND 64), constraint license_key_activation_limit check (activation_limit IS NULL OR activation_limit >= 1), constraint license_key_status_dates check ((status <> 'revoked' OR revoked_at IS NOT NULL) AND (status <> 'disabled' OR disabled_at IS NOT NULL)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_key_deleted_at" ON "license_key" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_license_key_key_unique" ON "license_key" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_key_customer" ON "license_key" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_key_order_line" ON "license_key" ("order_line_item_id") WHERE order_line_item_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_key_subscription" ON "license_key" ("subscription_id") WHERE subscription_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "license_activation" ("id" text not null, "instance_name" text not null, "last_validated_at" timestamptz null, "deactivated_at" timestamptz null, "license_key_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "license_activation_pkey" primary key ("id"), constraint license_activation_instance_name check (length(instance_name) BETWEEN 1 AND 200));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_activation_license_key_id" ON "license_activation" ("license_key_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_activation_deleted_at" ON "license_activation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_license_activation_active_instance_unique" ON "license_activation" ("license_key_id", "instance_name") WHERE deactivated_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_link" ("id" text not null, "portal_id" text not null, "kind" text check ("kind" in ('static', 'magic')) not null, "mode" text check ("mode" in ('test', 'live')) not null, "customer_id" text null, "token_hash" text null, "purpose" text check ("purpose" in ('sign_in', 'invite', 'payment_recovery', 'email_change')) not null default 'sign_in', "issued_by_type" text check ("issued_by_type" in ('system', 'admin_user', 'api_key', 'customer_request')) not null default 'system', "issued_by_id" text null, "expires_at" timestamptz null, "used_at" timestamptz null, "revoked_at" timestamptz null, "new_email" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_link_pkey" primary key ("id"), constraint portal_link_kind_fields check ((kind = 'static' AND customer_id IS NULL AND token_hash IS NULL AND expires_at IS NULL) OR (kind = 'magic' AND customer_id IS NOT NULL AND token_hash IS NOT NULL AND expires_at IS NOT NULL)), constraint portal_link_token_hash_sha256 check (token_hash IS NULL OR token_hash ~ '^[0-9a-f]{64}\$'), constraint portal_link_email_change_target check ((purpose = 'email_change') = (new_email IS NOT NULL)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_link_deleted_at" ON "portal_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_link_token_hash_unique" ON "portal_link" ("token_hash") WHERE token_hash IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_link_static_per_mode_unique" ON "portal_link" ("portal_id", "mode") WHERE kind = 'static' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_link_customer_unused" ON "portal_link" ("customer_id", "issued_by_type") WHERE kind = 'magic' AND used_at IS NULL AND revoked_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_link_expires_at" ON "portal_link" ("expires_at") WHERE kind = 'magic' AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_session" ("id" text not null, "portal_id" text not null, "customer_id" text not null, "mode" text check ("mode" in ('test', 'live')) not null, "token_hash" text not null, "link_id" text null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "revoked_at" timestamptz null, "ip" text null, "user_agent" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_session_pkey" primary key ("id"), constraint portal_session_token_hash_sha256 check (token_hash ~ '^[0-9a-f]{64}\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_session_deleted_at" ON "portal_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_session_token_hash_unique" ON "portal_session" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_session_customer_active" ON "portal_session" ("customer_id") WHERE revoked_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_session_expires_at" ON "portal_session" ("expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "subscription" ("id" text not null, "portal_id" text not null, "mode" text check ("mode" in ('test', 'live')) not null, "customer_id" text not null, "product_variant_id" text not null, "order_id" text null, "status" text check ("status" in ('active', 'on_hold', 'cancelled', 'expired')) not null default 'active', "plan_title" text not null, "interval" text check ("interval" in ('day', 'week', 'month', 'year')) not null, "interval_count" integer not null default 1, "amount" numeric not null, "currency_code" text not null, "current_period_start" timestamptz not null, "current_period_end" timestamptz not null, "next_renewal_at" timestamptz null, "cancel_at_period_end" boolean not null default false, "cancelled_at" timestamptz null, "cancellation_reason" text check ("cancellation_reason" in ('too_expensive', 'missing_features', 'switched_service', 'unused', 'customer_service', 'too_complex', 'low_quality', 'other')) null, "cancellation_comment" text null, "ended_at" timestamptz null, "on_hold_since" timestamptz null, "payment_provider_id" text null, "account_holder_id" text null, "payment_method_id" text null, "payment_method_brand" text null, "payment_method_last4" text null, "payment_method_exp_month" integer null, "payment_method_exp_year" integer null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "subscription_pkey" primary key ("id"), constraint subscription_amount_minor_units check (amount >= 0 AND amount = trunc(amount)), constraint subscription_interval_count_positive check (interval_count BETWEEN 1 AND 366), constraint subscription_currency_code check (currency_code ~ '^[a-z]{3}\$'), constraint subscription_period_order check (current_period_end > current_period_start), constraint subscription_state_fields check ((status <> 'on_hold' OR on_hold_since IS NOT NULL) AND (status NOT IN ('cancelled', 'expired') OR ended_at IS NOT NULL) AND (status = 'active' OR next_renewal_at IS NULL)), constraint subscription_last4 check (payment_method_last4 IS NULL OR payment_method_last4 ~ '^[0-9]{4}\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_deleted_at" ON "subscription" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_customer_status" ON "subscription" ("customer_id", "status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_due" ON "subscription" ("next_renewal_at") WHERE status = 'active' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_order" ON "subscription" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_variant" ON "subscription" ("product_variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "license_activation" add constraint "license_activation_license_key_id_foreign" foreign key ("license_key_id") references "license_key" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "invoice_line" drop constraint if exists "invoice_line_invoice_id_foreign";`);

    this.addSql(`alter table if exists "license_activation" drop constraint if exists "license_activation_license_key_id_foreign";`);

    this.addSql(`drop table if exists "customer_portal" cascade;`);

    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`drop table if exists "invoice_line" cascade;`);

    this.addSql(`drop table if exists "license_key" cascade;`);

    this.addSql(`drop table if exists "license_activation" cascade;`);

    this.addSql(`drop table if exists "portal_link" cascade;`);

    this.addSql(`drop table if exists "portal_session" cascade;`);

    this.addSql(`drop table if exists "subscription" cascade;`);
  }

}
