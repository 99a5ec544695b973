// CSV that Excel opens correctly and safely: UTF-8 with a BOM (or Excel guesses the encoding and
// garbles Chinese), CRLF line ends, quotes doubled, and no cell that a spreadsheet would run as a
// formula (resource names come from the page or the API, so they are not trusted).
const BOM = '\uFEFF';
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map(csvCell).join(',');
}

/** Lines as a whole file: BOM first, CRLF after every line. */
export function csvDocument(lines: readonly string[]): string {
  return BOM + lines.join('\r\n') + '\r\n';
}
