/**
 * Photos attached to reports (BENCH_ONLY=attachments): what cleaning one costs on the public,
 * anonymous write path. The same 12-megapixel picture (4032 × 3024, an iPhone's size) as a JPEG,
 * cleaned by sharp on the request thread, is the baseline; as a HEIC it is decoded by libheif's
 * WebAssembly build in a document worker, then encoded by sharp. The first HEIC also pays for
 * loading the worker's modules and compiling the WebAssembly. The process's resident memory is
 * sampled every 20 ms (worker threads live in it), the peak kept per phase.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { loadConfig, projectRoot } from '../src/platform/config/config.js';
import { DocumentWorkers } from '../src/platform/documents/document-workers.js';
import { prepareAttachments } from '../src/modules/reports/attachments/prepare.js';
import { fmt, median } from './harness.js';

const runs = 5;
const MiB = 1024 * 1024;

/** The picture the HEIC fixture was made from (heif-enc -q 50 of this, once, with Debian's libheif-examples). */
function pictureSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="4032" height="3024">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6aa8e8"/><stop offset="1" stop-color="#dfeefb"/></linearGradient>
<radialGradient id="sun"><stop offset="0" stop-color="#fff7c0"/><stop offset="1" stop-color="#f0b020" stop-opacity="0"/></radialGradient></defs>
<rect width="4032" height="3024" fill="url(#sky)"/>
<circle cx="3000" cy="700" r="500" fill="url(#sun)"/>
<rect y="1900" width="4032" height="1124" fill="#5b7f3a"/>
<rect x="600" y="1200" width="1400" height="1000" fill="#b9a68c"/><polygon points="500,1250 1300,700 2100,1250" fill="#8b3a2a"/>
<rect x="900" y="1600" width="300" height="600" fill="#4a3322"/><rect x="1500" y="1450" width="300" height="250" fill="#cfe3f0"/>
<text x="2300" y="2700" font-size="180" fill="#222">Dzikie wysypisko, ul. Lipowa</text></svg>`;
}

function residentMemory(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
}

/** Runs `work` `count` times; the time of each and the highest resident memory seen meanwhile. */
async function measure(count: number, work: () => Promise<unknown>): Promise<{ times: number[]; peak: number }> {
  let peak = residentMemory();
  const sampler = setInterval(() => (peak = Math.max(peak, residentMemory())), 20);
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const began = performance.now();
      await work();
      times.push(performance.now() - began);
    }
  } finally {
    clearInterval(sampler);
  }
  return { times, peak };
}

export async function attachmentsBenchmarks(): Promise<string> {
  const config = loadConfig({ ...process.env, DATA_DIR: '/tmp' });
  const workers = new DocumentWorkers({
    threads: 1,
    queue: 4,
    memoryMb: config.documentWorkerMemoryMb,
    timeLimitMs: config.documentTimeLimitSeconds * 1000,
  });
  const limits = { maxFiles: 3, maxTotalMegabytes: 5 };
  const jpeg = new Uint8Array(await sharp(Buffer.from(pictureSvg())).jpeg({ quality: 90 }).toBuffer());
  const heic = new Uint8Array(readFileSync(path.join(projectRoot, 'bench', 'fixtures', 'photo-12mp.heic')));
  const clean = (name: string, bytes: Uint8Array) => prepareAttachments([{ name, declaredType: null, bytes }], limits, workers);
  try {
    const before = residentMemory();
    const baseline = await measure(runs, () => clean('IMG_0001.jpg', jpeg));
    const first = await measure(1, () => clean('IMG_0002.HEIC', heic));
    const heicRuns = await measure(runs, () => clean('IMG_0003.HEIC', heic));
    const stored = (await clean('IMG_0004.HEIC', heic))[0]!.bytes.byteLength;
    const jpegMs = median(baseline.times);
    const heicMs = median(heicRuns.times);
    const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
    console.log(`attachments: JPEG ${jpegMs.toFixed(0)} ms, HEIC ${heicMs.toFixed(0)} ms (first ${first.times[0]!.toFixed(0)} ms)`);
    return `### Report photos: cleaning one 12-megapixel photo (4032 × 3024)

| Photo | Size sent | Median of ${runs} | × the JPEG | Peak resident memory (process) |
| --- | ---: | ---: | ---: | ---: |
| baseline: JPEG, cleaned by sharp on the request thread | ${fmt(jpeg.byteLength / 1024)} KB | ${fmt(jpegMs)} ms | 1.0 | ${mib(baseline.peak)} |
| HEIC, first after start (worker start, WebAssembly compile) | ${fmt(heic.byteLength / 1024)} KB | ${fmt(first.times[0]!)} ms | ${(first.times[0]! / jpegMs).toFixed(1)} | ${mib(first.peak)} |
| HEIC, decoded in a document worker, then encoded by sharp | ${fmt(heic.byteLength / 1024)} KB | ${fmt(heicMs)} ms | ${(heicMs / jpegMs).toFixed(1)} | ${mib(heicRuns.peak)} |

Resident memory before: ${mib(before)}. Both are stored as a JPEG of at most 2560 px (the HEIC one: ${fmt(stored / 1024)} KB).
One worker decodes one photo at a time (\`DOCUMENT_WORKERS\`, default min(2, cores − 1)); further
uploads queue (\`DOCUMENT_QUEUE\`, 8), and beyond that are answered 503. Each anonymous client sends at
most the per-IP report limits (1 a day, 1 per 10 minutes by default) with at most 3 files.`;
  } finally {
    await workers.close();
  }
}
