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

/**
 * Parses CSV text (RFC 4180: quoted fields with doubled quotes and line
 * breaks, CRLF or LF, an optional byte order mark) into rows of fields,
 * each with the line it starts on. Blank lines are skipped.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = []
  const input = text.replace(/^\uFEFF/, "")
  let fields: string[] = []
  let field = ""
  let quoted = false
  let line = 1
  let rowLine = 1
  let i = 0
  const endRow = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === "")) rows.push({ line: rowLine, fields })
    fields = []
    field = ""
  }
  while (i < input.length) {
    const c = input[i]
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') {
        quoted = false
        i++
        continue
      }
      if (c === "\n") line++
      field += c
      i++
      continue
    }
    if (c === '"' && field === "") {
      quoted = true
      i++
    } else if (c === ",") {
      fields.push(field)
      field = ""
      i++
    } else if (c === "\r" || c === "\n") {
      endRow()
      i += c === "\r" && input[i + 1] === "\n" ? 2 : 1
      line++
      rowLine = line
    } else {
      field += c
      i++
    }
  }
  if (field !== "" || fields.length) endRow()
  return rows
}
