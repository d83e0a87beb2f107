import { describe, expect, it } from 'vitest';
import { xmlLines, type XmlDialect } from './xml-text.js';

const word: XmlDialect = {
  table: 'w:tbl',
  row: 'w:tr',
  cell: 'w:tc',
  paragraphs: ['w:p'],
  paragraphText: (xml) => (xml.match(/<w:t>[^<]*<\/w:t>/g) ?? []).map((t) => t.slice(5, -6)).join(''),
};

describe('lines of a word-processor XML', () => {
  it('reads paragraphs and table rows, skipping look-alike tags', () => {
    const xml =
      '<w:body><w:p><w:r><w:t>Pierwszy</w:t></w:r></w:p><w:proofErr/><w:p w:rsidR="1"><w:pPr/><w:r><w:t>Drugi</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:t>działanie</w:t></w:p></w:tc><w:tc><w:p><w:t>termin</w:t></w:p></w:tc></w:tr></w:tbl></w:body>';
    expect(xmlLines(xml, word)).toEqual(['Pierwszy', 'Drugi', '', 'działanie | termin', '']);
  });

  it('reads millions of paragraph openings that are never closed in one pass', () => {
    // 2,000,000 unclosed openings (42 MB): a lazy regex rescans to the end for each one.
    const unclosed = `<w:p><w:t>ok</w:t></w:p>${'<w:p >'.padEnd(21, ' ').repeat(2_000_000)}`;
    expect(xmlLines(unclosed, word)).toEqual(['ok']);
    // Openings without their ">" cost no more.
    expect(xmlLines(`<w:p><w:t>ok</w:t></w:p>${'<w:p a="1" '.repeat(1_000_000)}`, word)).toEqual(['ok']);
  });
});
