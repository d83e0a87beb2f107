import { describe, expect, it } from 'vitest';
import { chooseLogFormat, logFormats, type LogFormat } from './log-format.js';
import { loadConfig } from '../config/config.js';

describe('the log format', () => {
  it('is pretty for a person at a terminal and JSON for everything else, unless LOG_FORMAT says', () => {
    const cases: Array<[LogFormat | null, boolean, boolean, LogFormat]> = [
      // setting, stdout is a terminal, under test → format
      [null, true, false, 'pretty'],
      [null, false, false, 'json'],
      [null, true, true, 'json'],
      [null, false, true, 'json'],
      ['json', true, false, 'json'],
      ['pretty', false, false, 'pretty'],
      ['pretty', false, true, 'pretty'],
    ];
    for (const [setting, stdoutIsTerminal, underTest, expected] of cases)
      expect(chooseLogFormat({ setting, stdoutIsTerminal, underTest }), JSON.stringify({ setting, stdoutIsTerminal, underTest })).toBe(
        expected,
      );
  });

  it('reads LOG_FORMAT in any case and refuses other values in Polish and English', () => {
    expect(loadConfig({}).logFormat).toBeNull();
    for (const format of logFormats) expect(loadConfig({ LOG_FORMAT: format.toUpperCase() }).logFormat).toBe(format);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(
      'LOG_FORMAT="xml": oczekiwano jednej z wartości json | pretty / expected one of json | pretty',
    );
  });
});
