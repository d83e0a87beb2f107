import type { FastifyBaseLogger } from 'fastify';
import { inTransaction, systemActor } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { unsubscribeSecret, unsubscribeUrl } from './manage-subscriptions.js';
import { newsMail } from './mail.js';
import { newsSince, type News } from './news.js';
import { claimNotice, followersOf, forgetNotices, noticedKeys } from './repository.js';
import { newsWindowDays, recipientsOf, type Follower } from './rules.js';

const DAY_MS = 86_400_000;
const actor = systemActor('obserwowanie rejonu');

const toFollowers = (rows: Awaited<ReturnType<typeof followersOf>>): Follower[] =>
  rows.map((f) => ({ id: f.id, districtId: f.district_id, confirmedAt: f.confirmed_at }));

/** A past meeting is no news to mail (its outcome being recorded changes it, not its day). */
const mailable = (news: News, today: string) => news.day === null || news.day >= today;

/**
 * Mails the district's followers of news they have not been told (the notifier). Reads the news of
 * the last `newsWindowDays` days, and for each piece not yet told, in one transaction: claims it
 * (subscription_notices: a second instance running at once finds it claimed and mails nothing) and
 * queues one mail per follower. Safe to run as often as wanted.
 */
export async function tellFollowers(db: Db, siteUrl: string, now = new Date()): Promise<{ news: number; mails: number }> {
  const since = new Date(now.getTime() - newsWindowDays * DAY_MS);
  const today = warsawToday(now);
  const fresh = (await newsSince(db, since, 1000)).filter((news) => mailable(news, today));
  const told = await noticedKeys(
    db,
    fresh.map((n) => n.key),
  );
  const untold = fresh.filter((n) => !told.has(n.key));
  // One read of the followers of every district concerned; news nobody follows is passed over
  // without a write (it stays untold: whoever confirms later is not sent the past anyway).
  const following = toFollowers(await followersOf(db, [...new Set(untold.flatMap((n) => n.districtIds))]));
  const secret = untold.length > 0 ? await unsubscribeSecret(db) : '';
  let mails = 0;
  let news = 0;
  for (const item of untold.filter((n) => recipientsOf(n, following).length > 0)) {
    mails += await inTransaction(db, actor, async (trx) => {
      // Read again inside: a follower may have left since.
      const followers = await followersOf(trx, item.districtIds);
      const chosen = new Set(recipientsOf(item, toFollowers(followers)).map((f) => f.id));
      if (!(await claimNotice(trx, item.key, item.districtIds, chosen.size))) return 0;
      for (const follower of followers.filter((f) => chosen.has(f.id))) {
        const lang = follower.lang as Lang;
        await queueMail(
          trx,
          newsMail({
            to: follower.email,
            lang,
            district: follower.district_name,
            news: item,
            url: `${siteUrl}${item.path(follower.district_id)}`,
            unsubscribeUrl: unsubscribeUrl(siteUrl, secret, follower.id),
          }),
        );
      }
      news++;
      return chosen.size;
    });
  }
  // Told news leaves the window after `newsWindowDays`; its notice is kept a while longer, then goes.
  await forgetNotices(db, new Date(now.getTime() - 4 * newsWindowDays * DAY_MS));
  return { news, mails };
}

/**
 * Runs the notifier in the app process: at once after this process changes a plan (the change
 * bus), and every `everyMs` for meetings and for changes made by other processes. Runs never
 * overlap; a change during a run asks for one more. Returns a stop function that waits for a run.
 */
export function scheduleNotifier(
  db: Db,
  siteUrl: string,
  changes: ChangeBus,
  log?: FastifyBaseLogger,
  everyMs = 60_000,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = tellFollowers(db, siteUrl)
      .then((done) => {
        if (done.mails > 0) log?.info(done, 'district followers told');
      })
      .catch((error: unknown) => log?.warn({ err: error }, 'telling district followers failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const stopListening = changes.on('plans', run);
  const every = setInterval(run, everyMs);
  every.unref();
  return async () => {
    stopped = true;
    stopListening();
    clearInterval(every);
    await running;
  };
}
