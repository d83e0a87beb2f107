import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The one typeface of our documents: the Roboto that ships with pdfmake (every Polish letter), by
 * file path. The PDF and the chart pictures both draw with it, so they need no system fonts.
 */
export function robotoFiles(): { normal: string; bold: string; italics: string; bolditalics: string } {
  const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: { normal: string; bold: string; italics: string; bolditalics: string } };
  return fonts.Roboto;
}
