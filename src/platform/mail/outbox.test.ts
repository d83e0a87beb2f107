import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { inTransaction, systemActor } from '../audit/actor.js';
import { MailSender, queueMail } from './outbox.js';
import { fakeSmtp } from '../../../test/support/fake-smtp.js';

describe.each(backends)('the e-mail outbox on %s', (backend) => {
  let t: TestDatabase;
  const smtp = fakeSmtp({ rejectRecipient: 'nobody@' });
  let port: number;
  beforeAll(async () => {
    [t, port] = await Promise.all([createTestDatabase(backend), smtp.listen()]);
  });
  afterAll(async () => {
    await t.drop();
    await smtp.close();
  });

  it('sends nothing of a rolled-back change, and delivers the rest through SMTP', async () => {
    const db = t.database.db;
    await expect(
      inTransaction(db, systemActor(), async (trx) => {
        await queueMail(trx, { to: 'lost@example.com', subject: 'Nie powinno wyjść', text: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await inTransaction(db, systemActor(), (trx) =>
      queueMail(trx, { to: 'dzielnicowy@example.com', subject: 'Nowe zgłoszenie nr 7', text: 'Zażółć gęślą jaźń' }),
    );
    await inTransaction(db, systemActor(), (trx) => queueMail(trx, { to: 'nobody@example.com', subject: 'Odrzucony adres', text: 'y' }));

    const withoutSmtp = new MailSender(db, null, 'Dzielnicowy <no-reply@example.com>');
    expect(withoutSmtp.enabled).toBe(false);
    await withoutSmtp.sendPending();
    expect(smtp.received).toHaveLength(0);

    const sender = new MailSender(db, `smtp://127.0.0.1:${port}`, 'Dzielnicowy <no-reply@example.com>');
    await sender.sendPending();
    await sender.stop();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to.join()).toContain('dzielnicowy@example.com');
    // Polish letters travel as encoded words: "zgłoszenie" → "zg=C5=82oszenie".
    expect(smtp.received[0]!.data).toMatch(/^Subject: =\?UTF-8\?Q\?Nowe_zg=C5=82oszenie_nr_7\?=$/m);
    const rows = await db.selectFrom('outbox').select(['recipient', 'sent_at', 'attempts', 'last_error']).orderBy('id').execute();
    // A sent message keeps only a masked recipient; the refused one waits with the reason, to be retried.
    expect(rows.map((r) => r.recipient)).toEqual(['d***@example.com', 'nobody@example.com']);
    expect(rows[0]!.sent_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ sent_at: null, attempts: 1 });
    expect(rows[1]!.last_error).toMatch(/550/);
  });
});
