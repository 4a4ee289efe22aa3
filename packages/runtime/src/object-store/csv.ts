/** A CSV syntax problem, with the 1-based line it was found on. */
export class CsvSyntaxError extends Error {
  override readonly name = "CsvSyntaxError";

  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
  }
}

/**
 * Splits CSV text into rows of fields (RFC 4180: `"` quotes a field, `""` inside quotes is a
 * quote, quoted fields may hold delimiters and newlines; CRLF or LF ends a row). Blank lines are
 * skipped, as Step Functions skips them.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRow = (): void => {
    row.push(field);
    if (!(row.length === 1 && row[0] === "" && !fieldStarted)) rows.push(row);
    row = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const after = body[i + 1];
          if (after !== undefined && after !== delimiter && after !== "\n" && after !== "\r") {
            throw new CsvSyntaxError("Unexpected character after a closing quote", line);
          }
        }
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new CsvSyntaxError("A quote inside an unquoted field", line);
      quoted = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      fieldStarted = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      endRow();
      line++;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvSyntaxError("A quoted field is not closed", line);
  if (field !== "" || fieldStarted || row.length > 0) endRow();
  return rows;
}
