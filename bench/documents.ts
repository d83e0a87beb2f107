/**
 * Hostile documents against a running server: how long a decompression bomb takes to get its
 * 4xx, how much memory the server process reaches, and how /health answers while three bombs are
 * read at once, against /health alone on the same server in the same run.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot } from '../src/platform/config/config.js';
import { docxBomb, docxOfText, zipOfManyListedEntries } from '../test/support/zip-files.js';
import { readerBenchmarks } from './document-readers.js';
import { connections, durationSeconds, fmt, load, mainScript, percentile, start, tempDir, type Load } from './harness.js';

const MiB = 1024 * 1024;

/** Resident memory of a process from /proc: now (VmRSS) and the peak since it started (VmHWM). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Posts a file as `curl -F file=@…` does, with the CSRF pair of an anonymous page (see the README). */
async function uploader(url: string) {
  const page = await fetch(`${url}/login`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  return async (data: Buffer): Promise<{ status: number; code: string | null; ms: number }> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), 'plan.docx');
    const begin = performance.now();
    const response = await fetch(`${url}/api/v1/plans/parse`, { method: 'POST', body: form, headers: { cookie, 'x-csrf-token': token } });
    const body = (await response.json()) as { error?: { code: string } };
    return { status: response.status, code: body.error?.code ?? null, ms: performance.now() - begin };
  };
}

export async function documentsBenchmarks(row: (name: string, l: Load) => string): Promise<string> {
  const seed = readFileSync(path.join(projectRoot, 'resources', 'seeds', '000_d4209128a33a3e86.txt'), 'utf8');
  const files = {
    plan: docxOfText(seed),
    honest: await docxBomb({ expandsToMiB: 480 }),
    liar: await docxBomb({ expandsToMiB: 480, declaredSize: 2_000 }),
    many: zipOfManyListedEntries(100_000),
  };
  const dir = tempDir();
  // The per-client limit would answer most of these with 429 (cheaply); the reading is measured here.
  const server = await start([mainScript], { DATA_DIR: dir, DEMO_DATA: 'false', DOCUMENT_RATE_LIMIT_PER_MINUTE: '10000' });
  // Memory sampled every 50 ms, the highest value kept per phase (VmHWM alone would include start-up).
  let phasePeak = 0;
  const sampler = setInterval(() => (phasePeak = Math.max(phasePeak, memoryOf(server.pid).rss)), 50);
  const nextPhase = () => {
    const peak = phasePeak;
    phasePeak = memoryOf(server.pid).rss;
    return peak;
  };
  const startup = memoryOf(server.pid).peak;
  const post = await uploader(server.url);
  for (let i = 0; i < 3; i++) await post(files.plan); // warm-up: the first document starts a worker
  const idle = memoryOf(server.pid);
  nextPhase();

  const alone: Record<string, { status: number; code: string | null; ms: number }[]> = {};
  for (const [name, data] of Object.entries(files)) {
    alone[name] = [];
    for (let i = 0; i < 10; i++) alone[name].push(await post(data));
    console.log(
      `${name}: ${alone[name][0]!.status} ${alone[name][0]!.code}, median ${percentile(
        alone[name].map((r) => r.ms),
        50,
      ).toFixed(0)} ms`,
    );
  }

  const peakOneAtATime = nextPhase();
  const healthAlone = await load(`${server.url}/health`);
  nextPhase();
  // Three bombs in flight all the time (each answered one is posted again) while /health is loaded.
  let reading = true;
  const answered: { status: number; code: string | null; ms: number }[] = [];
  const keepThreeBombs = Array.from({ length: 3 }, async () => {
    while (reading) answered.push(await post(files.liar));
  });
  const healthDuringBombs = await load(`${server.url}/health`);
  reading = false;
  await Promise.all(keepThreeBombs);
  const peakThreeBombs = nextPhase();
  clearInterval(sampler);
  const peak = memoryOf(server.pid).peak;
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `/health alone p99 ${healthAlone.p99} ms, during bombs p99 ${healthDuringBombs.p99} ms; ${answered.length} bombs answered; highest RSS with three bombs ${(peakThreeBombs / MiB).toFixed(0)} MiB, since start ${(peak / MiB).toFixed(0)} MiB`,
  );

  const defaults = loadConfig({ DATA_DIR: dir });
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const statuses = (runs: { status: number; code: string | null }[]) =>
    [...new Set(runs.map((r) => `${r.status} ${r.code ?? ''}`.trim()))].join(', ');
  const fileRow = (label: string, name: keyof typeof files) => {
    const runs = alone[name]!;
    const times = runs.map((r) => r.ms);
    return `| ${label} | ${fmt(files[name].length / 1024)} KiB | ${statuses(runs)} | ${ms(percentile(times, 50))} | ${ms(Math.max(...times))} |`;
  };
  const bombTimes = answered.map((r) => r.ms);
  return `## Hostile documents

A server from \`dist/\` on a new embedded database without demo data, with the default document
workers (here ${defaults.documentWorkers}, each with a ${defaults.documentWorkerMemoryMb} MiB heap and ${defaults.documentTimeLimitSeconds} s per document) and
the per-client parse limit raised so that every upload is read. Files are posted to \`POST /api/v1/plans/parse\` as
multipart, one at a time, 10 times each; times are from sending to the complete answer.

| file | size | answer | median | max |
|---|---|---|---|---|
${fileRow('a plan (seed 000 as .docx), for comparison', 'plan')}
${fileRow('bomb: word/document.xml expands to 480 MiB, headers tell the truth', 'honest')}
${fileRow('the same bomb, headers claim 2,000 bytes', 'liar')}
${fileRow('100,000 entries listed in the central directory', 'many')}

### \`/health\` while three bombs are read at once

autocannon, ${connections} connections, ${durationSeconds} s on \`/health\`; during the second run three
clients post the lying bomb again as soon as each answer arrives (${fmt(answered.length)} bombs answered,
${statuses(answered)}, median ${ms(percentile(bombTimes, 50))}, max ${ms(Math.max(...bombTimes))}).

| target | requests/s | of baseline | p50 latency (ms) | p99 latency (ms) | errors |
|---|---|---|---|---|---|
${row('/health alone (same server, just before)', healthAlone)}
${row('/health while three bombs are read', healthDuringBombs)}

Memory of the server process (RSS, worker threads included), sampled every 50 ms:

| phase | MiB |
|---|---|
| start-up to the first answer (VmHWM then: PGlite creating the database) | ${fmt(startup / MiB)} |
| idle after three plans were read | ${fmt(idle.rss / MiB)} |
| highest while the files above were read one at a time | ${fmt(peakOneAtATime / MiB)} |
| highest while three bombs were read at once | ${fmt(peakThreeBombs / MiB)} |
| highest since start (VmHWM) | ${fmt(peak / MiB)} |

${await readerBenchmarks()}`;
}
