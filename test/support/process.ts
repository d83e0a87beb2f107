import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/platform/config/config.js';

export const mainScript = path.join(projectRoot, 'dist', 'src', 'main.js');
export const cliScript = path.join(projectRoot, 'dist', 'src', 'cli.js');

/** Runs the built command line (`npm run cli` without the build) to its end, with only `env` set. */
export async function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cliScript, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export interface RunningApp {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built application (`npm start` without the build) as its own process. */
export function startApp(env: Record<string, string>): { child: ChildProcess; output(): string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [mainScript], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** The address the app prints once it listens (src/serve.ts). */
const listeningLine = /is listening on (http:\/\/[^\s]+)/;

/**
 * Starts the app and waits until /health answers 200. Without a PORT the app picks a free port
 * itself (PORT=0) and prints it: choosing a "free" port here and passing it on raced with every
 * other socket opened in the seconds the app needs to start, and another test's server could
 * answer /health in its place.
 */
export async function startAppAndWait(env: Record<string, string>, timeoutMs = 90_000): Promise<RunningApp> {
  // No tiles unless a test asks for them: tests must not reach the internet (maps then draw our own data).
  const started = startApp({ PORT: '0', MAP_TILES_URL: 'none', ...env });
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void started.exited.then((code) => (exitCode = code ?? -1));
  let url: string | undefined;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`app exited with ${exitCode} before answering:\n${started.output()}`);
    url ??= listeningLine.exec(started.output())?.[1];
    if (url) {
      try {
        const response = await fetch(`${url}/health`);
        if (response.status === 200) break;
      } catch {
        // listening, not answering yet
      }
    }
    if (Date.now() > deadline) {
      started.child.kill('SIGKILL');
      throw new Error(`app did not answer /health within ${timeoutMs} ms:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const port = Number(new URL(url).port);
  return {
    ...started,
    port,
    url,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (started.child.exitCode === null) started.child.kill(signal);
      return started.exited;
    },
  };
}

/**
 * For suites whose tests each start several node processes (CLI commands, the app): on a loaded
 * 2-core machine one start takes 10-20 s, so the hang guard is wider than the suite's 60 s. It is
 * not a speed requirement.
 */
export const processTestOptions = { timeout: 240_000 };
