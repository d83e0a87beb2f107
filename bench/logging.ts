/** What logging every request costs the locator: GET /api/v1/locate with the default log level against logging off. */
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fmt, load, mainScript, median, start, tempDir, type Load } from './harness.js';

// Streets of the demo register (src/demo/register-data.ts), each with house numbers: hits of the in-memory index.
const streets = ['Północna', 'Kopernika', 'Legionów', 'Mickiewicza', 'Lubelska', 'Kolejowa', 'Szkolna', '1 Maja'];
const paths = streets.flatMap((street) =>
  Array.from({ length: 20 }, (_, i) => `/api/v1/locate?address=${encodeURIComponent(`Lubartów, ul. ${street} ${i + 61}`)}`),
);

interface Run {
  label: string;
  load: Load;
  /** Log lines the server wrote during the run. */
  lines: number;
}

/** One run: the app on the demo data directory, its standard output into a file (a real write per line, as under systemd or Docker). */
async function run(label: string, dataDir: string, env: Record<string, string>): Promise<Run> {
  const logFile = path.join(dataDir, `${label.replace(/\W+/g, '-')}.log`);
  const fd = openSync(logFile, 'w');
  // Ready: the report index, loaded in the background after start-up, would otherwise share the first seconds.
  const server = await start([mainScript], { DATA_DIR: dataDir, ...env }, '/health/ready', fd);
  await load(server.url, paths); // warm-up: the JIT, the caches
  const lines = () => readFileSync(logFile, 'utf8').split('\n').length - 1;
  const before = lines();
  const result = await load(server.url, paths);
  await server.stop();
  closeSync(fd);
  console.log(`${label}: ${fmt(result.requestsPerSecond)} req/s`);
  return { label, load: result, lines: lines() - before };
}

export async function loggingBenchmarks(row: (name: string, l: Load) => string): Promise<string> {
  const dataDir = tempDir();
  try {
    // A first start loads the demo register; every run after starts on it.
    const first = await start([mainScript], { DATA_DIR: dataDir });
    await first.stop();
    const runs: Run[] = [];
    for (const round of [1, 2, 3]) {
      runs.push(await run(`LOG_LEVEL=silent, run ${round}`, dataDir, { LOG_LEVEL: 'silent' }));
      runs.push(await run(`LOG_LEVEL=info (default), run ${round}`, dataDir, { LOG_LEVEL: 'info' }));
    }
    const rate = (level: string) => median(runs.filter((r) => r.label.includes(level)).map((r) => r.load.requestsPerSecond));
    const silent = rate('silent');
    const info = rate('info');
    return `## Logging every request

\`GET /api/v1/locate?address=…\` (${paths.length} addresses of the demo register, all found) on the embedded
database, with the default log level (\`info\`: two JSON lines a request, "incoming request" and
"request completed", each with its \`reqId\`) against logging off (\`LOG_LEVEL=silent\`). Standard
output goes to a file, as under systemd or Docker. Each run starts the app, waits for \`/health/ready\`,
warms up for one load period, then measures; runs alternate so drift on a shared machine shows.

| target | requests/s | of baseline | p50 latency (ms) | p99 latency (ms) | errors | log lines written |
|---|---|---|---|---|---|---|
${runs.map((r) => `${row(r.label, r.load)} ${fmt(r.lines)} |`).join('\n')}

With logging on, the locator keeps ${((info / silent) * 100).toFixed(0)} % of its throughput without logging (medians: ${fmt(info)} against ${fmt(silent)} requests/s).`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
