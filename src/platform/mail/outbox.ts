import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import type { Trx } from '../audit/actor.js';
import { newInstanceId } from '../events/instance.js';
import { claimPendingMail, insertMail, markFailed, markSent, releaseMail } from './outbox-repository.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Further headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) of a newsletter. */
  headers?: Record<string, string>;
}

/**
 * Queues a message in the same transaction as the change it tells about, so a rolled-back change
 * sends nothing and a committed one is never forgotten (the transactional outbox).
 */
export async function queueMail(trx: Trx, mail: Mail): Promise<void> {
  await insertMail(trx, {
    recipient: mail.to,
    subject: mail.subject,
    body: mail.text,
    headers: mail.headers ? JSON.stringify(mail.headers) : null,
  });
}

/** "jan.kowalski@example.com" → "j***@example.com": what stays of a recipient once the mail is sent. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}***${address.slice(at)}` : '***';
}

// A message that failed this often waits for someone to look at the server, not for another try.
const MAX_ATTEMPTS = 10;
// How long a claim on a batch holds. A sender past half of it gives the rest back (see sendPending),
// so only a single message stuck for minutes in SMTP can outlive its lease and be sent twice.
const LEASE_MS = 5 * 60_000;

/**
 * Sends queued mail through SMTP. Without SMTP_URL messages wait in the outbox (for a server to be
 * configured). Every instance runs one; each message is claimed by one of them (a lease in the
 * outbox row), so it is sent once, and a sender that dies mid-batch leaves it to the others. A sent
 * message keeps only a masked recipient; the retention job deletes every message, sent or not,
 * after the time set for the outbox (src/modules/privacy).
 */
export class MailSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly transport: nodemailer.Transporter | null;

  constructor(
    private readonly db: Db,
    smtpUrl: string | null,
    private readonly from: string,
    private readonly log?: FastifyBaseLogger,
    private readonly intervalMs = 2000,
    /** Who holds the claims (buildApp passes its instance's name). */
    private readonly sender = newInstanceId(),
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends what is pending now; at most `batch` messages, each retried up to MAX_ATTEMPTS times. */
  async sendPending(batch = 50): Promise<number> {
    if (!this.transport) return 0;
    this.running ??= (async () => {
      const claimedAt = Date.now();
      const pending = await claimPendingMail(this.db, this.sender, MAX_ATTEMPTS, batch, LEASE_MS);
      for (const [index, mail] of pending.entries()) {
        if (Date.now() - claimedAt > LEASE_MS / 2) {
          await releaseMail(
            this.db,
            this.sender,
            pending.slice(index).map((m) => m.id),
          );
          break;
        }
        try {
          await this.transport!.sendMail({
            from: this.from,
            to: mail.recipient,
            subject: mail.subject,
            text: mail.body,
            headers: mail.headers ?? undefined,
          });
          await markSent(this.db, mail.id, mail.attempts + 1, maskAddress(mail.recipient));
        } catch (error) {
          this.log?.warn({ err: error, outboxId: mail.id }, 'mail not sent');
          await markFailed(this.db, mail.id, mail.attempts + 1, String((error as Error).message).slice(0, 500));
        }
      }
    })().finally(() => {
      this.running = null;
    });
    await this.running;
    return 0;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.sendPending().catch((error: unknown) => this.log?.warn({ err: error }, 'outbox run failed'));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.transport?.close();
  }
}
