import type { FastifyRequest } from 'fastify';
import { staffReportMessages } from './messages.js';

/** The one-line notice after a redirect, from a fixed list (never text from the URL). */
export function noticeOf(request: FastifyRequest): string | null {
  const q = request.query as Record<string, string | undefined>;
  const m = staffReportMessages[request.lang];
  switch (q.notice) {
    case 'changed':
      return m.changed(Math.max(0, Number(q.n) || 0));
    case 'status':
      return m.statusChanged;
    case 'assigned':
      return m.assigned;
    case 'saved':
      return m.saved;
    case 'released':
      return m.released;
    case 'rejected':
      return m.rejected;
    case 'reviewed':
      return m.reviewed(Math.max(0, Number(q.n) || 0), q.action === 'release' ? 'release' : 'reject');
    default:
      return null;
  }
}
