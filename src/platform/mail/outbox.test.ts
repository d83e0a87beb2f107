import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { inTransaction, systemActor } from '../audit/actor.js';
import { MailSender, queueMail } from './outbox.js';
import { fakeSmtp } from '../../../test/support/fake-smtp.js';
import { openDatabase } from '../db/database.js';

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
    await db.deleteFrom('outbox').execute();
    const received = () => smtp.received.slice(before);
    const before = smtp.received.length;
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
    expect(received()).toHaveLength(0);

    const sender = new MailSender(db, `smtp://127.0.0.1:${port}`, 'Dzielnicowy <no-reply@example.com>');
    await sender.sendPending();
    await sender.stop();
    expect(received()).toHaveLength(1);
    expect(received()[0]!.to.join()).toContain('dzielnicowy@example.com');
    // Polish letters travel as encoded words: "zgłoszenie" → "zg=C5=82oszenie".
    expect(received()[0]!.data).toMatch(/^Subject: =\?UTF-8\?Q\?Nowe_zg=C5=82oszenie_nr_7\?=$/m);
    const rows = await db.selectFrom('outbox').select(['recipient', 'sent_at', 'attempts', 'last_error']).orderBy('id').execute();
    // A sent message keeps only a masked recipient; the refused one waits with the reason, to be retried.
    expect(rows.map((r) => r.recipient)).toEqual(['d***@example.com', 'nobody@example.com']);
    expect(rows[0]!.sent_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ sent_at: null, attempts: 1 });
    expect(rows[1]!.last_error).toMatch(/550/);
  });

  it('sends each message once when several instances send the same outbox at once', async () => {
    const db = t.database.db;
    await db.deleteFrom('outbox').execute();
    const before = smtp.received.length;
    const count = 120;
    await inTransaction(db, systemActor(), async (trx) => {
      for (let i = 0; i < count; i++) await queueMail(trx, { to: `mieszkaniec${i}@example.com`, subject: `Wiadomość ${i}`, text: 'x' });
    });
    // On the server each sender has its own connection pool, as separate processes would.
    const second = t.url ? await openDatabase({ kind: 'postgres', url: t.url }) : t.database;
    const senders = [db, second.db, db].map(
      (handle) => new MailSender(handle, `smtp://127.0.0.1:${port}`, 'Dzielnicowy <no-reply@example.com>'),
    );
    try {
      // Small batches, all at once and again: claims overlap in time.
      for (let round = 0; round < 10; round++) await Promise.all(senders.map((sender) => sender.sendPending(7)));
    } finally {
      for (const sender of senders) await sender.stop();
      if (second !== t.database) await second.close();
    }
    const subjects = smtp.received.slice(before).map((mail) => /^Subject: (.*)$/m.exec(mail.data)?.[1]);
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
    const left = await db.selectFrom('outbox').select(['claimed_by']).where('sent_at', 'is', null).execute();
    expect(left).toEqual([]);
  });

  it('takes over a message whose sender died mid-send once its lease has run out', async () => {
    const db = t.database.db;
    await db.deleteFrom('outbox').execute();
    const before = smtp.received.length;
    await inTransaction(db, systemActor(), (trx) => queueMail(trx, { to: 'przejete@example.com', subject: 'Przejęta', text: 'x' }));
    // A sender claimed it and died: the lease still runs, so no one else sends it…
    await db
      .updateTable('outbox')
      .set({ claimed_by: 'dead/1/x', claimed_until: new Date(Date.now() + 60_000) })
      .execute();
    const sender = new MailSender(db, `smtp://127.0.0.1:${port}`, 'Dzielnicowy <no-reply@example.com>');
    await sender.sendPending();
    expect(smtp.received.length).toBe(before);
    // …until it has run out.
    await db
      .updateTable('outbox')
      .set({ claimed_until: new Date(Date.now() - 1000) })
      .execute();
    await sender.sendPending();
    await sender.stop();
    expect(smtp.received.slice(before).map((m) => m.to.join())).toEqual([expect.stringContaining('przejete@example.com')]);
  });
});
