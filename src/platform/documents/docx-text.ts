import JSZip from 'jszip';

/**
 * The text of a .docx file, one paragraph per line; list paragraphs get a "· " bullet so the
 * plan parser sees lists as it would in a text file. Only what Word stores in word/document.xml
 * is read (no headers, footers or comments).
 */
export async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const document = zip.file('word/document.xml');
  if (!document) throw new Error('not a .docx file (no word/document.xml)');
  const xml = await document.async('string');
  const lines: string[] = [];
  for (const paragraph of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    const bullet = /<w:numPr>/.test(paragraph) ? '· ' : '';
    const text = (paragraph.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
      .map((part) => (part === '<w:tab/>' ? '\t' : part === '<w:br/>' ? '\n' : part.replace(/<[^>]+>/g, '')))
      .join('');
    lines.push(bullet + decode(text));
  }
  return lines.join('\n');
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
