import { documentUnreadable } from './document-errors.js';
import { docxMainPart, isDocx } from './document-kind.js';
import { decodeXml, joinLines, xmlLines, type XmlDialect } from './xml-text.js';
import { openZip, type ZipArchive, type ZipLimits } from './zip-reader.js';

/** WordprocessingML: w:p paragraphs (a w:numPr makes a list item), w:tbl/w:tr/w:tc tables. */
const word: XmlDialect = {
  table: 'w:tbl',
  row: 'w:tr',
  cell: 'w:tc',
  paragraphs: ['w:p'],
  isListParagraph: (xml) => /<w:numPr>/.test(xml),
  paragraphText: (xml) =>
    decodeXml(
      (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
        .map((part) => (part === '<w:tab/>' ? '\t' : part === '<w:br/>' ? '\n' : part.replace(/<[^>]+>/g, '')))
        .join(''),
    ),
};

/**
 * The text of a .docx file in the readers' convention (xml-text.ts): paragraphs, "· " list
 * items, tables as rows of " | "-joined cells. Only what Word stores in word/document.xml is read
 * (no headers, footers or comments), through the ZIP reader's limits (413/422 AppErrors).
 */
export async function docxText(data: Uint8Array | ZipArchive, limits?: Partial<ZipLimits>): Promise<string> {
  const zip = data instanceof Uint8Array ? await openZip(data, limits) : data;
  if (!isDocx(zip)) {
    throw documentUnreadable({
      pl: 'to archiwum ZIP nie jest dokumentem .docx (brak word/document.xml).',
      en: 'this ZIP archive is not a .docx document (no word/document.xml).',
    });
  }
  const xml = await zip.readText(docxMainPart);
  // XML never holds NUL; text with it would fail in the database later (a 500 instead of a 4xx).
  if (xml.includes('\0'))
    throw documentUnreadable({ pl: 'word/document.xml zawiera bajty zerowe.', en: 'word/document.xml contains NUL bytes.' });
  return joinLines(xmlLines(xml, word));
}
