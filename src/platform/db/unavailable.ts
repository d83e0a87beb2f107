/**
 * Whether an error means the database cannot be reached or is not taking work now (an outage,
 * a restart, a full connection pool), rather than a fault of the request or of our code. Such
 * requests answer 503 with Retry-After: the client may try again, and monitoring sees an outage,
 * not a bug. Codes are SQLSTATEs (PostgreSQL's appendix A), Node's socket errors, and the
 * messages of node-postgres and PGlite that carry no code.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // 08: connection exception; 57P01–57P03: shutdown, crash, cannot connect now; 53300: too many connections;
    // 3D000: the database does not exist (dropped, or not created yet).
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300' || code === '3D000') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code))
      return true;
  }
  if (typeof message !== 'string') return false;
  return /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|is not currently accepting connections|PGlite is closed|Cannot use a pool after calling end/i.test(
    message,
  );
}
