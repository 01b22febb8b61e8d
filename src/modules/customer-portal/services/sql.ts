import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/** SQL the service's reads share: placeholders, soft-delete conditions, a page with its count. */

export const USABLE_LINK_COLUMNS = "id, portal_id, customer_id, mode, purpose, new_email, sent_to_email, requested_by_session_id, expires_at, metadata"

/** Rows of one customer (every record sharing their email) in one mode. */
export type OwnedFilters = { customer_id: string[]; mode: "test" | "live" }

export const marks = (values: unknown[]) => values.map(() => "?").join(", ")

/** SQL conditions with their parameters, in order. */
export function conditions() {
  const sql: string[] = []
  const params: unknown[] = []
  return {
    sql,
    params,
    add(condition: string, ...values: unknown[]) {
      sql.push(condition)
      params.push(...values)
    },
  }
}

/** The live rows of a customer's records in the session's mode. */
export function ownedConditions(filters: OwnedFilters) {
  const where = conditions()
  where.add("deleted_at IS NULL")
  where.add(`customer_id IN (${marks(filters.customer_id)})`, ...filters.customer_id)
  where.add("mode = ?", filters.mode)
  return where
}

/** One page of rows and how many match, both at once. */
export async function pageAndCount(
  manager: EntityManager,
  q: { select: string; from: string; where: ReturnType<typeof conditions>; orderBy: string; page: { skip: number; take: number } }
): Promise<[any[], number]> {
  const where = q.where.sql.join(" AND ")
  const [rows, [{ count }]] = (await Promise.all([
    manager.execute(`SELECT ${q.select} FROM ${q.from} WHERE ${where} ORDER BY ${q.orderBy} LIMIT ? OFFSET ?`, [...q.where.params, q.page.take, q.page.skip]),
    manager.execute(`SELECT count(*)::int AS count FROM ${q.from} WHERE ${where}`, q.where.params),
  ])) as [any[], { count: number }[]]
  return [rows, Number(count)]
}

