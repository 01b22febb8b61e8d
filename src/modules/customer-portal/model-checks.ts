/**
 * SQL for a check constraint: every given amount column holds a whole,
 * non-negative number of minor units (cents), never a fraction of one.
 */
export function wholeMinorUnits(...columns: string[]): string {
  return columns.map((col) => `${col} >= 0 AND ${col} = trunc(${col})`).join(" AND ")
}
