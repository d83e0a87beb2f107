import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { svgToPng } from '../../../platform/documents/svg-png.js';
import type { Block, PlanDocument, TableData } from './document.js';

/** A table under its caption. */
function docxTable(table: TableData): (Paragraph | Table)[] {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] })] });
  return [
    new Paragraph({ spacing: { before: 120, after: 60 }, children: [new TextRun({ text: table.caption, italics: true, size: 20 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: table.head.map((text) => cell(text, true)) }),
        ...table.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
      ],
    }),
  ];
}

/** The chart's size on the page, in docx's pixels (96 a inch): 15.9 cm of the 17 cm between the margins. */
const CHART_WIDTH = 600;
/** The PNG is drawn at twice that, so it stays sharp when printed or zoomed. */
const PNG_SCALE = 2;

/**
 * The chart as a picture: its SVG, which Word 2016+ and LibreOffice draw, with a PNG of the same SVG
 * for older Word; its title and description as the alternative text. The table under it stays.
 */
async function docxChart(block: Extract<Block, { kind: 'chart' }>): Promise<Paragraph> {
  const png = await svgToPng(block.printSvg, CHART_WIDTH * PNG_SCALE);
  const transformation = { width: CHART_WIDTH, height: Math.round(png.height / PNG_SCALE) };
  return new Paragraph({
    spacing: { before: 120, after: 60 },
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(block.printSvg),
        fallback: { type: 'png', data: png.bytes },
        transformation,
        altText: { name: block.alt.title, title: block.alt.title, description: block.alt.description },
      }),
    ],
  });
}

/** The plan as a DOCX (A4, page numbers) that Word and LibreOffice open. */
export async function planDocx(doc: PlanDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.title, bold: true, size: 30 })],
    }),
    ...doc.subtitle.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, size: 24 })] })),
  ];
  for (const section of doc.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 280, after: 120 },
        children: [new TextRun({ text: `${section.number}. ${section.heading}`, bold: true, size: 24 })],
      }),
    );
    for (const block of section.blocks) {
      if (block.kind === 'paragraph')
        children.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { after: 120 },
            children: [new TextRun({ text: block.text, size: 22 })],
          }),
        );
      else if (block.kind === 'list')
        children.push(
          ...block.items.map(
            (item) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun({ text: item, size: 22 })] }),
          ),
        );
      else if (block.kind === 'table') children.push(...docxTable(block.table));
      else if (block.kind === 'chart') children.push(await docxChart(block), ...docxTable(block.table));
      else
        children.push(
          ...block.rows.map(
            ([k, v]) =>
              new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true, size: 22 }), new TextRun({ text: v, size: 22 })] }),
          ),
        );
    }
  }
  if (doc.signature)
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 480 },
        children: [new TextRun({ text: doc.signature, size: 22 })],
      }),
    );
  const document = new Document({
    creator: 'Dzielnicowy',
    title: doc.title,
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    styles: { default: { document: { run: { font: 'Calibri' } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${doc.footer} · `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                  new TextRun({ text: ' / ', size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
