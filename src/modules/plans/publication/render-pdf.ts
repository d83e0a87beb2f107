import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../../platform/documents/pdf.js';
import type { PlanDocument, TableData } from './document.js';

/** A table with a bold heading row and thin lines, its caption above it. */
function pdfTable(table: TableData): Content[] {
  return [
    { text: table.caption, style: 'caption' },
    {
      table: {
        headerRows: 1,
        widths: table.head.map((_, i) => (i === 0 ? '*' : 'auto')),
        body: [table.head.map((text) => ({ text, bold: true })), ...table.rows],
      },
      layout: 'lightHorizontalLines',
      fontSize: 10,
      margin: [0, 2, 0, 8],
    },
  ];
}

/** The plan as an A4 PDF with page numbers (pdfmake, Roboto: every Polish letter). */
export function planPdf(doc: PlanDocument): Promise<Buffer> {
  const content: Content[] = [{ text: doc.title, style: 'title' }, ...doc.subtitle.map((line) => ({ text: line, style: 'subtitle' }))];
  for (const section of doc.sections) {
    content.push({ text: `${section.number}. ${section.heading}`, style: 'heading' });
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') content.push({ text: block.text, style: 'paragraph' });
      else if (block.kind === 'list') content.push({ ul: block.items, style: 'list' });
      else if (block.kind === 'facts')
        content.push({
          table: { widths: ['auto', '*'], body: block.rows.map(([k, v]) => [{ text: `${k}:`, bold: true }, v]) },
          layout: 'noBorders',
          margin: [0, 2, 0, 6],
        });
      else if (block.kind === 'table') content.push(...pdfTable(block.table));
      // The chart's SVG has its size in points; the table below it gives its numbers to those who cannot see it.
      else content.push({ svg: block.printSvg, width: 480, margin: [0, 4, 0, 8] }, ...pdfTable(block.table));
    }
  }
  if (doc.signature) content.push({ text: doc.signature, alignment: 'right', margin: [0, 24, 0, 0] });
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: doc.title, subject: doc.subtitle.join(', '), creator: 'Dzielnicowy' },
    content,
    footer: (page, pages) => ({
      columns: [
        { text: doc.footer, style: 'footer' },
        { text: `${page} / ${pages}`, style: 'footer', alignment: 'right' },
      ],
      margin: [56, 16, 56, 0],
    }),
    styles: {
      title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      subtitle: { fontSize: 12, alignment: 'center', margin: [0, 0, 0, 2] },
      heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
      paragraph: { fontSize: 11, margin: [0, 0, 0, 6], alignment: 'justify' },
      list: { fontSize: 11, margin: [0, 0, 0, 6] },
      caption: { fontSize: 10, italics: true, margin: [0, 4, 0, 2] },
      footer: { fontSize: 8, color: '#484f55' },
    },
    defaultStyle: { fontSize: 11, lineHeight: 1.2 },
  };
  return renderPdf(definition);
}
