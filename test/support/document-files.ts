/**
 * Documents of every accepted kind, generated in code for the readers' tests: plans written in the
 * shape real ones have (not copied), as .docx (with the `docx` package, as Word would save them),
 * .odt (a ZIP built here), PDF (pdfmake, which the app uses to print plans), saved web pages with
 * the menus, cookie banners and footers police units' sites put around an article, and a "scan":
 * a PDF with only a picture of a page.
 */
import zlib from 'node:zlib';
import { pngChunk } from './png.js';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, HeadingLevel } from 'docx';
import { renderPdf } from '../../src/platform/documents/pdf.js';
import { zipOf } from './zip-files.js';

export interface PlanSpec {
  /** The unit in the genitive, as plans name it ("Komendy Powiatowej Policji w Lubartowie"). */
  unit: string;
  district: number;
  /** Days as plans write them: "01.01.2019". */
  from: string;
  to: string;
  /** Words that tell plans apart (a place, a threat). */
  topic: string;
}

/** The lines of a priority action plan in the official template's five sections. */
export function planLines(spec: PlanSpec): string[] {
  return [
    `PLAN DZIAŁANIA PRIORYTETOWEGO dla rejonu służbowego nr ${spec.district}`,
    spec.unit,
    `na okres od ${spec.from} roku do ${spec.to} roku`,
    '1. Charakterystyka zdiagnozowanego zagrożenia w rejonie służbowym.',
    `Mieszkańcy zgłaszają ${spec.topic}, szczególnie w godzinach wieczornych. Na podstawie analizy zdarzeń i rozmów z mieszkańcami ustalono, że problem powtarza się w weekendy.`,
    '2. Zakładany cel do osiągnięcia.',
    `Ograniczenie zjawiska: ${spec.topic} o 20% w stosunku do poprzedniego półrocza.`,
    '3. Proponowane działania wraz z terminami realizacji.',
    `· patrole miejsc wskazanych przez mieszkańców – termin realizacji: od ${spec.from} do ${spec.to},`,
    `· spotkanie z mieszkańcami w świetlicy – termin realizacji: do ${spec.to}.`,
    '4. Podmioty współpracujące w realizacji działania priorytetowego.',
    '· Straż Miejska – wspólne patrole,',
    '· Zarząd osiedla – przekazywanie informacji mieszkańcom.',
    '5. Proponowany sposób przekazania społeczności rejonu informacji o działaniu priorytetowym.',
    '· strona internetowa jednostki,',
    '· spotkania z mieszkańcami.',
    'sierż. Jan Kowalski',
  ];
}

export const planText = (spec: PlanSpec) => planLines(spec).join('\n');

/** A .docx of a plan: headings as headings, list items as Word bullets, and a table of actions. */
export async function docxOfPlan(spec: PlanSpec, table: string[][] = []): Promise<Buffer> {
  const children: (Paragraph | Table)[] = planLines(spec).map((line) =>
    line.startsWith('· ')
      ? new Paragraph({ text: line.slice(2), bullet: { level: 0 } })
      : /^\d\. /.test(line)
        ? new Paragraph({ text: line, heading: HeadingLevel.HEADING_2 })
        : new Paragraph(line),
  );
  if (table.length)
    children.push(
      new Table({
        rows: table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
      }),
    );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An .odt as LibreOffice writes one: "mimetype" stored first, content.xml with paragraphs, lists and a table. */
export function odtOf(lines: string[], table: string[][] = []): Buffer {
  const body = lines
    .map((line) =>
      line.startsWith('· ')
        ? `<text:list><text:list-item><text:p>${escapeXml(line.slice(2))}</text:p></text:list-item></text:list>`
        : `<text:p text:style-name="P1">${escapeXml(line).replace(/ {2}/g, ' <text:s/>')}</text:p>`,
    )
    .join('');
  const rows = table
    .map(
      (row) =>
        `<table:table-row>${row.map((cell) => `<table:table-cell office:value-type="string"><text:p>${escapeXml(cell)}</text:p></table:table-cell>`).join('')}</table:table-row>`,
    )
    .join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>${body}${rows ? `<table:table table:name="Tabela1"><table:table-column/>${rows}</table:table>` : ''}</office:text></office:body></office:document-content>`;
  const deflate = (text: string) => {
    const data = Buffer.from(text);
    return { data: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
  };
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>';
  return zipOf([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') },
    { name: 'content.xml', deflated: deflate(content) },
    { name: 'META-INF/manifest.xml', deflated: deflate(manifest) },
  ]);
}

/** A PDF with a text layer, as a word processor prints one: lines of text, then a table. */
export function pdfOf(lines: string[], table: string[][] = []): Promise<Buffer> {
  return renderPdf({ content: [...lines.map((text) => ({ text })), ...(table.length ? [{ table: { body: table } }] : [])] });
}

/** A grey PNG of `size`×`size` pixels, made byte by byte (signature, IHDR, IDAT, IEND). */
function png(size: number): Buffer {
  const chunk = pngChunk;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = Buffer.concat(
    Array.from({ length: size }, (_, y) => Buffer.from([0, ...Array.from({ length: size }, (_, x) => ((x + y) % 7 === 0 ? 40 : 220))])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A "scanned" plan: two pages with only a picture each, no text layer. */
export function scannedPdf(): Promise<Buffer> {
  const image = `data:image/png;base64,${png(64).toString('base64')}`;
  return renderPdf({
    content: [
      { image, width: 500 },
      { image, width: 500, pageBreak: 'before' },
    ],
  });
}

/**
 * A saved page of a police unit's site in the shape those sites have: a skip link, a header with
 * the unit's name and a search form, a menu, a cookie banner, breadcrumbs, the article, a sidebar
 * of news and a footer with the address, the accessibility statement and a map of the site.
 */
export function policePage(title: string, article: string): string {
  return `<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>${title} - Komenda Powiatowa Policji w Lubartowie</title>
<script>window.dataLayer = [];</script><style>.menu{display:flex}</style></head>
<body>
<a class="skip-link" href="#tresc">Przejdź do treści</a>
<div id="cookie-info" class="cookies"><p>Serwis wykorzystuje pliki cookies. Korzystając z serwisu wyrażasz zgodę na ich używanie.</p><a href="#">Zamknij</a></div>
<header class="page-header"><a href="/"><img src="/logo.png" alt="Policja Lubelska"></a><p>Komenda Powiatowa Policji w Lubartowie</p>
<form class="search" action="/szukaj"><input name="q"><button>Szukaj</button></form></header>
<div id="menu-glowne" class="menu"><ul><li><a href="/a">Aktualności</a></li><li><a href="/b">Dzielnicowi</a></li><li><a href="/c">Kontakt</a></li><li><a href="/d">Praca w Policji</a></li><li><a href="/e">Komunikaty</a></li></ul></div>
<nav class="breadcrumbs"><a href="/">Strona główna</a> » <a href="/dz">Twój dzielnicowy</a> » ${title}</nav>
<div id="tresc" class="content"><div class="article-body">
<h1>${title}</h1>
<p class="date">Data publikacji 02.01.2019</p>
${article}
</div></div>
<div class="sidebar"><h2>Najnowsze informacje</h2><ul><li><a href="/n1">Zatrzymany nietrzeźwy kierowca</a></li><li><a href="/n2">Bezpieczne ferie</a></li></ul></div>
<footer><p>Komenda Powiatowa Policji w Lubartowie, ul. Przykładowa 1, 21-100 Lubartów, tel. 47 000 00 00</p><ul><li><a href="/dek">Deklaracja dostępności</a></li><li><a href="/mapa">Mapa serwisu</a></li><li><a href="/rodo">RODO</a></li></ul></footer>
<script>console.log('statystyki');</script>
</body></html>`;
}

/** A plan as a unit publishes it on its page: paragraphs, lists, and the actions in a table. */
export function planArticle(spec: PlanSpec): string {
  const lines = planLines(spec);
  const out: string[] = [];
  let list: string[] = [];
  const closeList = () => {
    if (list.length) out.push(`<ul>${list.map((item) => `<li>${escapeXml(item)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of lines) {
    if (line.startsWith('· ')) list.push(line.slice(2));
    else {
      closeList();
      out.push(/^\d\. /.test(line) ? `<h3>${escapeXml(line)}</h3>` : `<p>${escapeXml(line)}</p>`);
    }
  }
  closeList();
  return out.join('\n');
}
