import { AppError } from '../http/errors.js';
import { formatNumber } from '../i18n/i18n.js';
import { documentUnreadable } from './document-errors.js';
import { TABLE_CELL_SEPARATOR, joinLines } from './xml-text.js';
import { pdfLimits, type PdfLimits } from './document-kind.js';

/**
 * The text layer of a PDF, read with unpdf (a build of Mozilla's pdf.js made for servers, without
 * a canvas). Chosen over pdfjs-dist by measuring both in a document worker capped at 64 MiB: the
 * same text, unpdf loads about twice as fast (a one-page plan in 0.26 s against 0.45 s, module
 * load included), fits the cap, and needs no native canvas package (see bench/documents.ts).
 *
 * Lines are rebuilt from the positions of the text runs: runs on one baseline make a line; a gap
 * wider than 0.6 of the font size between runs (a word space is about 0.3; a table cell's padding
 * on both sides is more) of a line is a column of a table, written as " | ", and a
 * run of such lines gets a blank line before and after, as tables from .docx and .odt files do.
 */

/**
 * The part of pdf.js's document this reader uses. unpdf's bundled pdf.js types import paths that
 * do not resolve under NodeNext (no extensions), so they would be `any`; these are spelled out.
 */
interface PdfDocument {
  numPages: number;
  getPage(number: number): Promise<{ getTextContent(): Promise<{ items: object[] }>; cleanup(): unknown }>;
  destroy(): Promise<void>;
}

interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** 413 for a PDF with more pages than the limit. */
function tooManyPages(max: number): AppError {
  return new AppError(
    413,
    'document_too_large',
    {
      pl: `Dokument PDF ma więcej stron niż limit: ${formatNumber(max, 'pl')}.`,
      en: `The PDF document has more pages than the limit: ${formatNumber(max, 'en')}.`,
    },
    { limit: 'pages', max },
  );
}

/** 422 `document_scanned`: the PDF holds pictures of pages and no text to read. */
export function scannedPdf(): AppError {
  return new AppError(422, 'document_scanned', {
    pl: 'Ten PDF to skan: zawiera obrazy stron, a nie tekst, więc nie da się go odczytać. Wyślij dokument w wersji z tekstem (.docx, .odt, PDF zapisany z edytora) albo wklej jego treść.',
    en: 'This PDF is a scan: it holds pictures of pages, not text, so it cannot be read. Send the document with its text (.docx, .odt, a PDF saved from a word processor) or paste its contents.',
  });
}

function pageLines(runs: TextRun[]): string[] {
  const lines: { y: number; size: number; parts: { x: number; end: number; text: string }[] }[] = [];
  for (const run of runs) {
    // pdf.js adds runs of spaces over the gaps it sees; the gaps are measured here instead.
    if (!run.str.trim()) continue;
    const [, , , , x = 0, y = 0] = run.transform;
    const size = Math.abs(run.height) || Math.abs(run.transform[3] ?? 10) || 10;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - y) < size * 0.5) last.parts.push({ x, end: x + run.width, text: run.str });
    else lines.push({ y, size, parts: [{ x, end: x + run.width, text: run.str }] });
  }
  return lines.map((line) => {
    const parts = [...line.parts].sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const part of parts) {
      const gap = part.x - end;
      if (text && gap > line.size * 0.6) text = `${text.trimEnd()}${TABLE_CELL_SEPARATOR}${part.text.trimStart()}`;
      else if (text && gap > line.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(part.text)) text += ` ${part.text}`;
      else text += part.text;
      end = Math.max(end, part.end);
    }
    return text.replace(/\s+/g, ' ').trim();
  });
}

/** Blank lines around runs of table rows, as the convention asks. */
function markTables(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const isRow = line.includes(TABLE_CELL_SEPARATOR);
    const wasRow = i > 0 && lines[i - 1]!.includes(TABLE_CELL_SEPARATOR);
    if (isRow !== wasRow && i > 0) out.push('');
    out.push(line);
  });
  return out;
}

/** The PDF's text in the readers' convention; 413 past the page limit, 422 if broken or a scan. */
export async function pdfText(bytes: Uint8Array, overrides: Partial<PdfLimits> = {}): Promise<string> {
  const limits = { ...pdfLimits, ...overrides };
  // pdf.js loads only when a PDF comes: a worker reading .docx and text stays small and starts fast.
  const { getDocumentProxy } = await import('unpdf');
  let pdf: PdfDocument;
  try {
    // No eval of fonts' code, no fonts of the system and no network: the file is hostile.
    const proxy: unknown = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: true,
      verbosity: 0,
    });
    pdf = proxy as PdfDocument;
  } catch {
    throw documentUnreadable({ pl: 'plik PDF jest uszkodzony albo zaszyfrowany.', en: 'the PDF file is damaged or encrypted.' });
  }
  try {
    if (pdf.numPages > limits.pages) throw tooManyPages(limits.pages);
    const lines: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      // Pages follow one another with no blank line: a paragraph may go on on the next page.
      lines.push(...pageLines(content.items.filter((item): item is TextRun => 'str' in item)));
      page.cleanup();
    }
    const text = joinLines(markTables(lines)).replace(/\0/g, '');
    if (text.replace(/\s/g, '').length === 0) throw scannedPdf();
    return text;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw documentUnreadable({ pl: 'nie udało się odczytać tekstu z pliku PDF.', en: 'the text of the PDF file could not be read.' });
  } finally {
    await pdf.destroy();
  }
}
