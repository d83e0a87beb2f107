import { renderAsync } from '@resvg/resvg-js';
import { robotoFiles } from './fonts.js';

export interface Png {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * An SVG drawn as a PNG by resvg (a native library, off the event loop: renderAsync runs in libuv's
 * pool; about 15 ms for a report's chart at 960 px). Text is set in our Roboto and never a system
 * font, so the picture is the same on every server and Polish letters are always there. A white
 * background: a transparent chart would turn black in viewers that drop the alpha channel.
 */
export async function svgToPng(svg: string, width: number): Promise<Png> {
  const { normal, bold } = robotoFiles();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: [normal, bold], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
    logLevel: 'off',
  });
  return { bytes: image.asPng(), width: image.width, height: image.height };
}
