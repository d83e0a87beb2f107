import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { inTransaction, systemActor } from '../audit/actor.js';
import { MailSender, queueMail } from './outbox.js';

/** A minimal SMTP server on loopback that keeps what it receives (never our own code under test). */
function fakeSmtp(options: { rejectRecipient?: string } = {}) {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake.smtp ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            reply('250 queued');
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') current.from = line;
        if (verb === 'DATA') inData = true;
        const refused = verb === 'RCPT' && options.rejectRecipient !== undefined && line.includes(options.rejectRecipient);
        if (verb === 'RCPT' && !refused) current.to.push(line);
        const answers: Record<string, string> = {
          EHLO: '250 fake.smtp',
          HELO: '250 fake.smtp',
          MAIL: '250 ok',
          RCPT: refused ? '550 no such user' : '250 ok',
          DATA: '354 go on',
          QUIT: '221 bye',
          RSET: '250 ok',
          NOOP: '250 ok',
        };
        reply(answers[verb] ?? '500 5.5.1 unrecognised command');
        if (verb === 'QUIT') socket.end();
      }
    });
  });
  return {
    received,
    listen: () =>
      new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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
