import { documentUnreadable } from './document-errors.js';
import { decodeXml, joinLines, xmlLines, type XmlDialect } from './xml-text.js';
import type { ZipArchive } from './zip-reader.js';

/** OpenDocument text: text:p and text:h paragraphs, text:list-item lists, table:table tables. */
const openDocument: XmlDialect = {
  table: 'table:table',
  row: 'table:table-row',
  cell: 'table:table-cell',
  paragraphs: ['text:p', 'text:h'],
  listItem: 'text:list-item',
  paragraphText: (xml) =>
    decodeXml(
      xml
        .replace(/<text:s(?:\s+text:c="(\d{1,3})")?\s*\/>/g, (_, count: string | undefined) => ' '.repeat(Number(count ?? 1)))
        .replace(/<text:tab\s*\/>/g, '\t')
        .replace(/<text:line-break\s*\/>/g, '\n')
        // Notes and annotations are not the paragraph's text.
        .replace(/<(text:note|office:annotation)[\s>][\s\S]*?<\/\1>/g, '')
        .replace(/<[^>]+>/g, ''),
    ),
};

/** The text of an .odt file's content.xml in the readers' convention (xml-text.ts). */
export async function odtText(zip: ZipArchive): Promise<string> {
  const xml = await zip.readText('content.xml');
  if (xml.includes('\0')) throw documentUnreadable({ pl: 'content.xml zawiera bajty zerowe.', en: 'content.xml contains NUL bytes.' });
  return joinLines(xmlLines(xml, openDocument));
}
