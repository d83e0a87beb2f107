import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import type { Trx } from '../audit/actor.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Queues a message in the same transaction as the change it tells about, so a rolled-back change
 * sends nothing and a committed one is never forgotten (the transactional outbox).
 */
export async function queueMail(trx: Trx, mail: Mail): Promise<void> {
  await trx.insertInto('outbox').values({ recipient: mail.to, subject: mail.subject, body: mail.text }).execute();
}

/** Sends queued mail through SMTP; without SMTP_URL messages stay in the outbox for admins to read. */
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
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends what is pending now; at most `batch` messages, each retried up to 10 times. */
  async sendPending(batch = 50): Promise<number> {
    if (!this.transport) return 0;
    this.running ??= (async () => {
      const pending = await this.db
        .selectFrom('outbox')
        .selectAll()
        .where('sent_at', 'is', null)
        .where('attempts', '<', 10)
        .orderBy('id')
        .limit(batch)
        .execute();
      for (const mail of pending) {
        try {
          await this.transport!.sendMail({ from: this.from, to: mail.recipient, subject: mail.subject, text: mail.body });
          await this.db.updateTable('outbox').set({ sent_at: new Date(), attempts: mail.attempts + 1, last_error: null }).where('id', '=', mail.id).execute();
        } catch (error) {
          this.log?.warn({ err: error, outboxId: mail.id }, 'mail not sent');
          await this.db.updateTable('outbox').set({ attempts: mail.attempts + 1, last_error: String((error as Error).message).slice(0, 500) }).where('id', '=', mail.id).execute();
        }
      }
    })().finally(() => {
      this.running = null;
    });
    const before = this.running;
    await before;
    return 0;
  }

  start(): void {
    if (!this.transport || this.timer) return;
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
