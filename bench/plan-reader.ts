/**
 * The plan reader over its corpus (test/corpus/plans): documents read per second by parsePlans,
 * against reading the same documents' results back from JSON in the same run (the cheapest way to
 * have them), and the share right per field, as the corpus test counts it.
 */
import { fields, loadCorpus, readPlans, score, share } from '../test/corpus/score.js';
import { fmt } from './harness.js';

export function planReaderBenchmarks(seconds = Number(process.env.BENCH_READER_SECONDS ?? 5)): string {
  const documents = loadCorpus();
  const texts = documents.map((d) => d.text);
  const measure = (work: (i: number) => unknown) => {
    for (let i = 0; i < texts.length * 3; i++) work(i % texts.length); // warm-up
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) for (let i = 0; i < 20; i++) work(count++ % texts.length);
    return count / ((performance.now() - started) / 1000);
  };
  const readings = texts.map(readPlans);
  const asJson = readings.map((r) => JSON.stringify(r));
  const docsPerSecond = measure((i) => readPlans(texts[i]!));
  const baseline = measure((i) => JSON.parse(asJson[i]!));
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const { tally } = score(documents, readings);
  console.log(`plan reader: ${docsPerSecond.toFixed(0)} documents/s (JSON.parse baseline ${baseline.toFixed(0)})`);
  return `## Plan reader over its corpus

\`parsePlans\` (src/modules/plans/import/parse-plan.ts) on the ${documents.length} documents of
test/corpus/plans (${fmt(bytes / 1024)} KiB; templates, tables, news items, pages of several plans and
non-plans), round-robin for ${seconds} s after a warm-up, on one thread. Baseline in the same run:
\`JSON.parse\` of the same documents' readings. Goal of issue 12: at least 500 documents/s.

| measure | value |
|---|---|
| plan reader, documents/s | ${fmt(docsPerSecond)} |
| baseline: JSON.parse of the readings, documents/s | ${fmt(baseline)} |
| reader time per document (mean) | ${(1000 / docsPerSecond).toFixed(2)} ms |

Share right per field (expectations written before the reader ran; counted as in
test/corpus/plan-reader.corpus.test.ts):

| field | right | of | share |
|---|---|---|---|
${fields.map((f) => `| ${f} | ${tally[f].right} | ${tally[f].total} | ${(share(tally[f]) * 100).toFixed(1)} % |`).join('\n')}`;
}
