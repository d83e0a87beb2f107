import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { robotoFiles } from './fonts.js';

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
    const roboto = robotoFiles();
    const allowed = new Set(Object.values(roboto));
    pdfmake.setFonts({ Roboto: roboto });
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
