import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124135449 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "test_card" drop constraint if exists "test_card_behavior_check";`);

    this.addSql(`alter table if exists "test_card" add constraint "test_card_behavior_check" check("behavior" in ('succeeds', 'declined', 'charge_fails', 'insufficient_funds', 'requires_action', 'processing_error', 'times_out'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "test_card" drop constraint if exists "test_card_behavior_check";`);

    this.addSql(`alter table if exists "test_card" add constraint "test_card_behavior_check" check("behavior" in ('succeeds', 'declined', 'charge_fails', 'insufficient_funds', 'requires_action'));`);
  }

}
