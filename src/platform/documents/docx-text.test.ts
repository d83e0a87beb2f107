import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './docx-text.js';

describe('paragraphs of word/document.xml', () => {
  it('yields each paragraph whole, skipping look-alike tags', () => {
    const xml = '<w:body><w:p><w:r><w:t>Pierwszy</w:t></w:r></w:p><w:proofErr/><w:p w:rsidR="1"><w:pPr/><w:r><w:t>Drugi</w:t></w:r></w:p></w:body>';
    expect([...paragraphsOf(xml)]).toEqual(['<w:p><w:r><w:t>Pierwszy</w:t></w:r></w:p>', '<w:p w:rsidR="1"><w:pPr/><w:r><w:t>Drugi</w:t></w:r></w:p>']);
  });

  it('reads millions of paragraph openings that are never closed in one pass', () => {
    // 2,000,000 unclosed openings (42 MB): a lazy regex rescans to the end for each one.
    const xml = `<w:p><w:t>ok</w:t></w:p>${'<w:p >'.padEnd(21, ' ').repeat(2_000_000)}`;
    expect([...paragraphsOf(xml)]).toEqual(['<w:p><w:t>ok</w:t></w:p>']);
  });
});
