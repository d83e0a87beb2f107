import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction, systemActor } from '../../../platform/audit/actor.js';
import { formatDateTime, formatNumber, plural } from '../../../platform/i18n/i18n.js';
import { queueMail, type Mail } from '../../../platform/mail/outbox.js';
import { listCategories } from '../repository.js';
import { digestCounts, lockDistricts, markDigestsQueued, takeDueDigests, type DigestCount, type DueDigest } from './repository.js';

/**
 * A district's digest (zestawienie): when many reports arrive at once, the district is mailed the
 * first of the hour one by one and then one e-mail per period with the counts by kind and a link
 * to the queue, instead of one e-mail per report. In Polish only, as every e-mail to a district.
 */
export function digestMail(
  digest: DueDigest,
  counts: readonly DigestCount[],
  categoryName: (code: string) => string,
  publicUrl: string,
): Mail {
  const total = counts.reduce((sum, c) => sum + c.total, 0);
  const held = counts.reduce((sum, c) => sum + c.held, 0);
  const reports = (n: number) =>
    `${formatNumber(n, 'pl')} ${plural('pl', n, { one: 'zgłoszenie', few: 'zgłoszenia', many: 'zgłoszeń', other: 'zgłoszenia' })}`;
  const queue = `${publicUrl}/admin/reports?district=${encodeURIComponent(digest.districtId)}${held > 0 ? '&held=only' : ''}`;
  return {
    to: digest.recipient,
    subject: `Zestawienie zgłoszeń KMZB: ${reports(total)} w rejonie ${digest.districtName}`,
    text: [
      `Do rejonu: ${digest.districtName} wpłynęło naraz więcej zgłoszeń niż zwykle.`,
      `Od ${formatDateTime(digest.openedAt, 'pl')} do ${formatDateTime(digest.closesAt, 'pl')}, poza zgłoszeniami wysłanymi wcześniej osobno: ${reports(total)}.`,
      '',
      ...counts.map(
        (c) =>
          `- ${categoryName(c.categoryId)}: ${formatNumber(c.total, 'pl')}${c.held > 0 ? ` (wstrzymane do sprawdzenia: ${formatNumber(c.held, 'pl')})` : ''}`,
      ),
      '',
      held > 0
        ? 'Wstrzymane zgłoszenia nie są publikowane na mapie, dopóki dzielnicowy lub przełożony ich nie zwolni; fałszywe można odrzucić (także wiele naraz).'
        : 'Zgłoszenia są w kolejce rejonu.',
      'Opisy i dokładne miejsca widzi tylko Policja, w panelu:',
      queue,
    ].join('\n'),
  };
}

/**
 * Queues the e-mails of the digests whose period is over (each once, whichever instance gets it
 * first) and closes them. Returns how many were queued.
 */
export async function queueDueDigests(db: Db, options: { publicUrl: string; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  return inTransaction(db, systemActor('zestawienie zgłoszeń'), async (trx) => {
    const due = await takeDueDigests(trx, now);
    if (due.length === 0) return 0;
    await lockDistricts(
      trx,
      due.map((d) => d.districtId),
    );
    const counts = await digestCounts(
      trx,
      due.map((d) => d.id),
    );
    const names = new Map((await listCategories(trx)).map((c) => [c.code, c.name.pl]));
    for (const digest of due) {
      const own = counts.filter((c) => c.digestId === digest.id);
      await queueMail(
        trx,
        digestMail(digest, own, (code) => names.get(code) ?? code, options.publicUrl),
      );
    }
    await markDigestsQueued(
      trx,
      due.map((d) => d.id),
    );
    return due.length;
  });
}

/** Looks for due digests every `intervalMs` (a digest waits at most that long after its period); returns the stop function. */
export function startDigestJob(db: Db, publicUrl: string, log?: FastifyBaseLogger, intervalMs = 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = queueDueDigests(db, { publicUrl }).catch((error: unknown) => log?.warn({ err: error }, 'report digests not queued'));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
