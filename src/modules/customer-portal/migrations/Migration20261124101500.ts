import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * One round trip for a request's rate-limit rules: the buckets are taken in
 * order, each in one atomic upsert (GCRA: `tat` is the theoretical arrival
 * time), and the first refusal ends the check, so a refused request does not
 * use up the later rules' allowance.
 */
export class Migration20261124101500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION portal_consume_rate_limits(keys text[], intervals_ms float8[], tolerances_ms float8[], now_ms float8)
RETURNS TABLE (allowed boolean, retry_after_ms float8)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  i int;
  now_at timestamptz := to_timestamp(now_ms / 1000.0);
  fits boolean;
  bucket_tat timestamptz;
BEGIN
  FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
    INSERT INTO portal_rate_limit AS bucket (id, key, tat, last_allowed, created_at, updated_at)
    VALUES ('prl_' || replace(gen_random_uuid()::text, '-', ''), keys[i], now_at + make_interval(secs => intervals_ms[i] / 1000.0), true, now(), now())
    ON CONFLICT (key) WHERE deleted_at IS NULL DO UPDATE SET
      tat = CASE WHEN extract(epoch from greatest(bucket.tat, now_at)) * 1000 - now_ms <= tolerances_ms[i]
        THEN greatest(bucket.tat, now_at) + make_interval(secs => intervals_ms[i] / 1000.0)
        ELSE bucket.tat END,
      last_allowed = extract(epoch from greatest(bucket.tat, now_at)) * 1000 - now_ms <= tolerances_ms[i],
      updated_at = now()
    RETURNING bucket.last_allowed, bucket.tat INTO fits, bucket_tat;
    IF NOT fits THEN
      allowed := false;
      retry_after_ms := extract(epoch from bucket_tat) * 1000 - now_ms - tolerances_ms[i];
      RETURN NEXT;
      RETURN;
    END IF;
  END LOOP;
  allowed := true;
  retry_after_ms := 0;
  RETURN NEXT;
END
$$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP FUNCTION IF EXISTS portal_consume_rate_limits(text[], float8[], float8[], float8);`)
  }
}
