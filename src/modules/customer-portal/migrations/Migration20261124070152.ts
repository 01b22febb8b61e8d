import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124070152 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_invoice_customer_issued";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_mode_issued" ON "invoice" ("customer_id", "mode", "issued_at", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_invoice_customer_mode_issued";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_issued" ON "invoice" ("customer_id", "issued_at", "id") WHERE deleted_at IS NULL;`);
  }

}
