/**
 * The container image (Dockerfile, docs/deploy.md) carries only what runs: its second stage copies
 * a list of the project's top-level folders. A folder the code starts reading at run time
 * (`path.join(projectRoot, '<folder>', …)`) and nobody adds to that list would make the image fail
 * in production while every test passes here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/config/config.js';

function runtimeSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return runtimeSources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The top-level names code joins to projectRoot: `path.join(projectRoot, 'resources', …)` → resources. */
function foldersReadAtRunTime(sources: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of sources) {
    for (const match of text.matchAll(/path\.join\(\s*projectRoot\s*,\s*'([^']+)'/g)) found.add(match[1]!.split('/')[0]!);
  }
  return found;
}

/** What the image's last stage copies from the build stage: `COPY --from=build /app/<name> ./<name>`. */
function copiedIntoImage(dockerfile: string): Set<string> {
  const stages = dockerfile.split(/^FROM /m);
  const last = stages[stages.length - 1]!;
  return new Set([...last.matchAll(/^COPY --from=build \/app\/(\S+)/gm)].map((m) => m[1]!.replace(/\/$/, '')));
}

describe('the container image', () => {
  const dockerfile = readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');

  it('copies every folder and file the running app reads from the project', () => {
    const read = foldersReadAtRunTime(runtimeSources(path.join(projectRoot, 'src')).map((file) => readFileSync(file, 'utf8')));
    // The reading itself is found (a broken pattern would find nothing and pass).
    expect(read).toContain('migrations');
    const copied = copiedIntoImage(dockerfile);
    const missing = [...read, 'package.json', 'dist', 'node_modules'].filter((name) => !copied.has(name));
    expect(missing).toEqual([]);
  });

  it('finds what a Dockerfile copies and what code reads', () => {
    expect([...copiedIntoImage('FROM a AS build\nCOPY --from=build /app/x ./x\nFROM b\nCOPY --from=build /app/dist ./dist\n')]).toEqual([
      'dist',
    ]);
    expect([...foldersReadAtRunTime(["readFileSync(path.join(projectRoot, 'resources', 'a.json'))"])]).toEqual(['resources']);
  });

  it('runs the app as an unprivileged user', () => {
    const last = dockerfile.split(/^FROM /m).at(-1)!;
    expect(last).toMatch(/^USER (?!root)\S+/m);
  });
});
