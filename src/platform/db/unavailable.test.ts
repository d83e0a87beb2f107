import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

describe('database outages told from faults', () => {
  it('knows an outage by its SQLSTATE, socket error or driver message', () => {
    const outages = [
      { code: '08006', message: 'connection failure' },
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: '53300', message: 'sorry, too many clients already' },
      { code: '3D000', message: 'database "x" does not exist' },
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      { code: '55000', message: 'database "v11" is not currently accepting connections' },
      new Error('PGlite is closed'),
    ];
    for (const error of outages) expect(isDatabaseUnavailable(error), inspect(error)).toBe(true);
  });

  it('leaves faults of a request or of the code alone', () => {
    const faults = [
      { code: '23505', message: 'duplicate key value violates unique constraint' },
      { code: '22P02', message: 'invalid input syntax for type uuid' },
      { code: '42P01', message: 'relation "x" does not exist' },
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'Connection terminated',
      null,
    ];
    for (const error of faults) expect(isDatabaseUnavailable(error), inspect(error)).toBe(false);
  });
});
