/**
 * RFC 4180 CSV: fields separated by commas (or semicolons, as Polish Excel writes them), quoted
 * with double quotes when they contain a separator, a quote or a line break. Pure functions.
 */

export interface CsvRow {
  /** 1-based line number where the row starts, for error reports. */
  line: number;
  fields: string[];
}

/** Picks the separator of the first record: ";" when it has more unquoted semicolons than commas. */
function detectSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string): { rows: CsvRow[]; error: { line: number; message: string } | null } {
  const text = input.replace(/^\uFEFF/, '');
  const separator = detectSeparator(text);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let afterQuote = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '' && !afterQuote) {
      quoted = true;
    } else if (char === separator) {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      afterQuote = false;
      line++;
      rowLine = line;
    } else if (afterQuote) {
      return { rows, error: { line, message: 'text after a closing quote' } };
    } else {
      field += char;
    }
  }
  if (quoted) return { rows, error: { line: rowLine, message: 'unclosed quote' } };
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
  return { rows, error: null };
}

function quote(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
