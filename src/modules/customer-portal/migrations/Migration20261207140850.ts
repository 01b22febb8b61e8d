import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207140850 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_link_spent" ON "portal_link" ("updated_at") WHERE kind = 'magic' AND (used_at IS NOT NULL OR revoked_at IS NOT NULL) AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_session_revoked" ON "portal_session" ("revoked_at") WHERE revoked_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_payment_method" ON "subscription" ("payment_method_id") WHERE payment_method_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_test_card_removed" ON "test_card" ("deleted_at") WHERE deleted_at IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_test_card_unsaved" ON "test_card" ("created_at") WHERE holder IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_portal_link_spent";`);

    this.addSql(`drop index if exists "IDX_portal_session_revoked";`);

    this.addSql(`drop index if exists "IDX_subscription_payment_method";`);

    this.addSql(`drop index if exists "IDX_test_card_removed";`);
    this.addSql(`drop index if exists "IDX_test_card_unsaved";`);
  }

}
