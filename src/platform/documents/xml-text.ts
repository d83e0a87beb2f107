/**
 * The text of a word-processor document's XML (WordprocessingML of .docx, OpenDocument's
 * content.xml of .odt) in the convention every reader of ours follows, so the plan and area
 * parsers see the same text whatever the file was:
 * - one paragraph (or heading) per line; a list item starts with "· ";
 * - a table is one line per row, its cells joined by " | ", with a blank line before and after.
 *
 * The XML is scanned tag by tag rather than parsed into a tree:
 * a 15 MiB document.xml stays a string and the lines made of it, never a DOM several times larger.
 * A table nested in a cell is flattened into that cell's text.
 */
export interface XmlDialect {
  /** Opening and closing tags of a table, a row and a cell (names without "<"). */
  table: string;
  row: string;
  cell: string;
  /** Paragraph-like elements whose text is one line (w:p; text:p and text:h). */
  paragraphs: string[];
  /** Whether a paragraph's own XML marks it as a list item (w:numPr in Word). */
  isListParagraph?: (xml: string) => boolean;
  /** An element that makes the paragraphs inside it list items (text:list-item in ODF). */
  listItem?: string;
  /** The text of one paragraph's XML. */
  paragraphText: (xml: string) => string;
}

export const TABLE_CELL_SEPARATOR = ' | ';
export const BULLET = '· ';

function escapeName(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Lines of the document as the convention above says. One pass: tags are found by a pattern that
 * never reads past the next "<" or ">", and a paragraph's end by indexOf. (A lazy
 * `<w:p>[\s\S]*?</w:p>` rescans to the end for every paragraph that is never closed: quadratic,
 * a worker's whole time limit for an 800 KB crafted file.) A paragraph left open ends the text.
 */
export function xmlLines(xml: string, dialect: XmlDialect): string[] {
  const paragraphNames = new Set(dialect.paragraphs);
  const names = [...dialect.paragraphs, dialect.table, dialect.row, dialect.cell, ...(dialect.listItem ? [dialect.listItem] : [])]
    .map(escapeName)
    .join('|');
  const tag = new RegExp(`<(\\/?)(${names})(?:\\s[^<>]*)?(\\/?)>`, 'g');
  const lines: string[] = [];
  let tableDepth = 0;
  let listDepth = 0;
  let row: string[] = [];
  let cell: string[] = [];
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const closing = match[1] === '/';
    const name = match[2]!;
    const selfClosing = match[3] === '/';
    if (paragraphNames.has(name)) {
      if (closing) continue;
      if (selfClosing) {
        if (tableDepth === 0) lines.push('');
        continue;
      }
      const close = `</${name}>`;
      const end = xml.indexOf(close, tag.lastIndex);
      if (end < 0) break;
      const paragraph = xml.slice(match.index, end + close.length);
      tag.lastIndex = end + close.length;
      const text = dialect.paragraphText(paragraph);
      if (tableDepth > 0) {
        if (text.trim()) cell.push(text.trim());
        continue;
      }
      const bullet = listDepth > 0 || dialect.isListParagraph?.(paragraph) ? BULLET : '';
      lines.push(bullet + text);
      continue;
    }
    if (selfClosing) continue;
    if (name === dialect.listItem) {
      listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
    } else if (name === dialect.table) {
      tableDepth = Math.max(0, tableDepth + (closing ? -1 : 1));
      if (tableDepth === 0 && closing) lines.push('');
      else if (tableDepth === 1 && !closing) lines.push('');
    } else if (tableDepth === 1 && name === dialect.row && closing) {
      if (row.some((c) => c)) lines.push(row.join(TABLE_CELL_SEPARATOR));
      row = [];
    } else if (tableDepth === 1 && name === dialect.cell && closing) {
      row.push(cell.join(' ').replace(/\s+/g, ' '));
      cell = [];
    }
  }
  return lines;
}

/** Lines joined, with runs of blank lines (around tables, empty paragraphs) kept to one. */
export function joinLines(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** XML character data: the five named entities and numeric references. */
export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d{1,7}|x[0-9a-f]{1,6});/gi, (_, code: string) =>
      character(code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : Number(code)),
    )
    .replace(/&amp;/g, '&');
}

/** A numeric character reference; NUL and numbers beyond Unicode (hostile files) become U+FFFD. */
function character(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}
