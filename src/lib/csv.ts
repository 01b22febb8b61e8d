/**
 * One CSV field: quoted when it holds a comma, quote or line break, and with a
 * leading apostrophe when it starts like a spreadsheet formula (=, +, -, @),
 * so opening the file never runs anything.
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value)
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: unknown[]): string {
  return values.map(csvField).join(",") + "\r\n"
}
