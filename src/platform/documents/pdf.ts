import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;

/** pdfmake with its bundled Roboto (every Polish letter), and no access to URLs or other files. */
function engine(): PdfMake {
  if (!pdfmake) {
    pdfmake = require('pdfmake') as PdfMake;
    const fonts = require('pdfmake/fonts/Roboto.js') as Record<string, Record<string, string>>;
    const allowed = new Set(Object.values(fonts.Roboto!));
    pdfmake.setFonts(fonts);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => allowed.has(file));
  }
  return pdfmake;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return engine()
    .createPdf({ ...doc, defaultStyle: { font: 'Roboto', ...doc.defaultStyle } })
    .getBuffer();
}
