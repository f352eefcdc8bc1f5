/**
 * CSV for spreadsheets. Article text is untrusted, and a spreadsheet runs a cell that opens with `=`,
 * `+`, `-` or `@` (or a tab or carriage return before one) as a formula: such a cell is opened with an
 * apostrophe, which spreadsheets show as text and do not evaluate.
 */

/** One cell: quoted when it holds a comma, a quote mark or a line break (RFC 4180), neutralised when it would be a formula. */
export function csvCell(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as a CSV text: CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
