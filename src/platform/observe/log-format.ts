import pino, { type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

/** How log lines are written: one JSON object a line (for collectors), or readable lines for a person. */
export type LogFormat = 'json' | 'pretty';

export const logFormats: readonly LogFormat[] = ['json', 'pretty'];

export interface LogFormatFacts {
  /** LOG_FORMAT, when set (config.ts checks the value). */
  setting: LogFormat | null;
  /** Whether standard output is a terminal. */
  stdoutIsTerminal: boolean;
  /** Whether the process runs under the test runner, whose output is read by the tests and by CI. */
  underTest: boolean;
}

/**
 * LOG_FORMAT decides when set; otherwise a person at a terminal (`npm start` by hand) reads pretty
 * lines and everything else (systemd, Docker, a pipe to a collector, the tests) gets JSON lines.
 */
export function chooseLogFormat(facts: LogFormatFacts): LogFormat {
  if (facts.setting) return facts.setting;
  return facts.stdoutIsTerminal && !facts.underTest ? 'pretty' : 'json';
}

/** The facts of this process. */
export function processLogFacts(setting: LogFormat | null): LogFormatFacts {
  return { setting, stdoutIsTerminal: process.stdout.isTTY === true, underTest: process.env.VITEST !== undefined };
}

/**
 * Where the app's logger writes. JSON lines go to standard output through a buffered writer
 * (pino.destination with sync: false): a synchronous write per line would stop the event loop
 * whenever the reader of a pipe (Docker, a log shipper) lags. Into a file the two measured alike
 * (BENCH_ONLY=logging); pino flushes the buffer when the process exits. Pretty lines are formatted
 * on the main thread: a terminal is for a person watching, not for load.
 */
export function logDestination(format: LogFormat): DestinationStream {
  if (format === 'pretty') {
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: false });
  }
  return pino.destination({ dest: 1, sync: false });
}
