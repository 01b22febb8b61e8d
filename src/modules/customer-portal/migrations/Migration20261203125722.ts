import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203125722 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_email_proof" drop constraint if exists "portal_email_proof_unique";`);
    this.addSql(`create table if not exists "portal_email_proof" ("id" text not null, "email" text not null, "customer_id" text not null, "method" text check ("method" in ('emailed_link', 'session_confirmation', 'email_change', 'email_change_undo')) not null, "first_proven_at" timestamptz not null, "proven_at" timestamptz not null, "link_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_email_proof_pkey" primary key ("id"), constraint portal_email_proof_normalised check (email = btrim(email) AND email !~ '[A-Z]' AND email LIKE '%_@_%'), constraint portal_email_proof_order check (proven_at >= first_proven_at));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_email_proof_deleted_at" ON "portal_email_proof" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_email_proof_unique" ON "portal_email_proof" ("email", "customer_id", "method") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_email_proof_customer" ON "portal_email_proof" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portal_activity" drop constraint if exists "portal_activity_action_check";`);

    this.addSql(`alter table if exists "portal_link" drop constraint if exists "portal_link_purpose_check";`);

    this.addSql(`alter table if exists "portal_activity" add constraint "portal_activity_action_check" check("action" in ('link_issued', 'signed_in', 'signed_out', 'signed_out_everywhere', 'access_revoked', 'subscription_cancelled', 'cancellation_undone', 'payment_method_added', 'payment_method_changed', 'profile_updated', 'email_change_requested', 'email_changed', 'email_change_undone', 'email_confirmation_requested', 'email_confirmed'));`);

    this.addSql(`alter table if exists "portal_link" drop constraint if exists portal_link_email_change_target;`);

    this.addSql(`alter table if exists "portal_link" add column if not exists "sent_to_email" text null, add column if not exists "requested_by_session_id" text null;`);
    this.addSql(`alter table if exists "portal_link" add constraint "portal_link_purpose_check" check("purpose" in ('sign_in', 'invite', 'payment_recovery', 'confirm_email', 'email_change_authorize', 'email_change', 'email_change_undo'));`);
    this.addSql(`alter table if exists "portal_link" add constraint portal_link_email_change_target check((purpose IN ('email_change_authorize', 'email_change', 'email_change_undo')) = (new_email IS NOT NULL));`);

    this.addSql(`alter table if exists "portal_session" add column if not exists "proven_email" text null, add column if not exists "proven_at" timestamptz null, add column if not exists "email_confirmed" boolean null;`);
    this.addSql(`alter table if exists "portal_session" add constraint portal_session_proof_fields check((proven_email IS NULL) = (proven_at IS NULL));`);

    this.addSql(`alter table if exists "subscription" add column if not exists "payment_customer_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_email_proof" cascade;`);

    this.addSql(`alter table if exists "portal_activity" drop constraint if exists "portal_activity_action_check";`);

    this.addSql(`alter table if exists "portal_link" drop constraint if exists "portal_link_purpose_check";`);

    this.addSql(`alter table if exists "portal_activity" add constraint "portal_activity_action_check" check("action" in ('link_issued', 'signed_in', 'signed_out', 'signed_out_everywhere', 'access_revoked', 'subscription_cancelled', 'cancellation_undone', 'payment_method_added', 'payment_method_changed', 'profile_updated', 'email_change_requested', 'email_changed'));`);

    this.addSql(`alter table if exists "portal_link" drop constraint if exists portal_link_email_change_target;`);
    this.addSql(`alter table if exists "portal_link" drop column if exists "sent_to_email", drop column if exists "requested_by_session_id";`);

    this.addSql(`alter table if exists "portal_link" add constraint "portal_link_purpose_check" check("purpose" in ('sign_in', 'invite', 'payment_recovery', 'email_change'));`);
    this.addSql(`alter table if exists "portal_link" add constraint portal_link_email_change_target check((purpose = 'email_change') = (new_email IS NOT NULL));`);

    this.addSql(`alter table if exists "portal_session" drop constraint if exists portal_session_proof_fields;`);
    this.addSql(`alter table if exists "portal_session" drop column if exists "proven_email", drop column if exists "proven_at", drop column if exists "email_confirmed";`);

    this.addSql(`alter table if exists "subscription" drop column if exists "payment_customer_id";`);
  }

}
