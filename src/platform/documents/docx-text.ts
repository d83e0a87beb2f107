import { documentUnreadable } from './document-errors.js';
import { openZip, type ZipLimits } from './zip-reader.js';

/**
 * The text of a .docx file, one paragraph per line; list paragraphs get a "· " bullet so the
 * plan parser sees lists as it would in a text file. Only what Word stores in word/document.xml
 * is read (no headers, footers or comments), through the ZIP reader's limits (413/422 AppErrors).
 */
export async function docxText(data: Uint8Array, limits?: Partial<ZipLimits>): Promise<string> {
  const zip = await openZip(data, limits);
  if (!zip.has('word/document.xml')) {
    throw documentUnreadable({ pl: 'to archiwum ZIP nie jest dokumentem .docx (brak word/document.xml).', en: 'this ZIP archive is not a .docx document (no word/document.xml).' });
  }
  const xml = await zip.readText('word/document.xml');
  // XML never holds NUL; text with it would fail in the database later (a 500 instead of a 4xx).
  if (xml.includes('\0')) throw documentUnreadable({ pl: 'word/document.xml zawiera bajty zerowe.', en: 'word/document.xml contains NUL bytes.' });
  const lines: string[] = [];
  for (const paragraph of paragraphsOf(xml)) {
    const bullet = /<w:numPr>/.test(paragraph) ? '· ' : '';
    const text = (paragraph.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
      .map((part) => (part === '<w:tab/>' ? '\t' : part === '<w:br/>' ? '\n' : part.replace(/<[^>]+>/g, '')))
      .join('');
    lines.push(bullet + decode(text));
  }
  return lines.join('\n');
}

/**
 * The `<w:p>` elements of document.xml, one at a time (a large document stays small in memory),
 * found with indexOf in one pass. A lazy regex (`<w:p[ >][\s\S]*?<\/w:p>`) rescans to the end for
 * every paragraph that is never closed: quadratic, 10 s of a worker for an 800 KB crafted file.
 */
export function* paragraphsOf(xml: string): Generator<string> {
  let from = 0;
  for (;;) {
    const start = nextParagraphStart(xml, from);
    if (start < 0) return;
    const end = xml.indexOf('</w:p>', start);
    if (end < 0) return;
    yield xml.slice(start, end + 6);
    from = end + 6;
  }
}

/** The next "<w:p " or "<w:p>" (not "<w:pPr>", "<w:proofErr>"…) at or after `from`, or -1. */
function nextParagraphStart(xml: string, from: number): number {
  for (let i = xml.indexOf('<w:p', from); i >= 0; i = xml.indexOf('<w:p', i + 4)) {
    const next = xml.charCodeAt(i + 4);
    if (next === 0x20 || next === 0x3e) return i;
  }
  return -1;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d{1,7}|x[0-9a-f]{1,6});/gi, (_, code: string) => character(code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : Number(code)))
    .replace(/&amp;/g, '&');
}

/** A numeric character reference; NUL and numbers beyond Unicode (hostile files) become U+FFFD. */
function character(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}
