import type { ReactNode } from 'react';
import { formatCalendarDay, plural, type Lang } from '../../../platform/i18n/i18n.js';
import { Tag } from '../../../platform/render/components.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import { actionProgressLabels, entryKindLabels, type ActionProgress, type LogEntry } from './rules.js';
import type { PlanLog, PublicActionProgress } from './manage-action-log.js';

/** The pieces of the action log shown on its own page and on the plan's pages. */
export const logWords = {
  pl: {
    none: 'Brak wpisów.',
    withdrawn: 'Wycofany',
    corrected: 'poprawiony',
    recordedFor: 'zapisany do działania',
    add: 'Dodaj wpis do tego działania',
    progressTitle: 'Realizacja działań',
    entries: (n: number) => `${n} ${plural('pl', n, { one: 'wpis', few: 'wpisy', many: 'wpisów', other: 'wpisu' })} w dzienniku`,
  },
  en: {
    none: 'No entries.',
    withdrawn: 'Withdrawn',
    corrected: 'corrected',
    recordedFor: 'recorded for the action',
    add: 'Add an entry for this action',
    progressTitle: 'Progress of the actions',
    entries: (n: number) => `${n} ${plural('en', n, { one: 'entry', other: 'entries' })} in the log`,
  },
};

const tones: Record<ActionProgress, 'grey' | 'green' | 'blue' | 'red'> = {
  not_started: 'grey',
  in_progress: 'blue',
  done: 'green',
  late: 'red',
};

export function ProgressTag({ progress, lang }: { progress: ActionProgress; lang: Lang }) {
  return <Tag tone={tones[progress]}>{actionProgressLabels[progress][lang]}</Tag>;
}

/**
 * One entry: day, what, where, with whom, the note and its author. A withdrawn entry stays,
 * struck through and marked (it counts for nothing); one recorded for an action worded otherwise
 * (a later version changed or dropped it) says what it was recorded for.
 */
export function EntryItem({
  ctx,
  entry,
  actionText,
  children,
}: {
  ctx: PageContext;
  entry: LogEntry;
  /** The action's wording now; shown beside the entry's own when they differ. */
  actionText?: string | undefined;
  /** Buttons for the entry (correct, withdraw). */
  children?: ReactNode;
}) {
  const w = logWords[ctx.lang];
  const text = (
    <>
      <strong>
        {formatCalendarDay(entry.day, ctx.lang)}
        {entry.time ? ` ${entry.time}` : ''}: {entryKindLabels[entry.kind][ctx.lang]}
      </strong>
      {[entry.place, entry.withWhom, entry.note].filter(Boolean).map((part, i) => (
        <span key={i}> · {part}</span>
      ))}
      {entry.completes && <> · {actionProgressLabels.done[ctx.lang]}</>}
      <span>
        {' '}
        ({entry.recordedByName ?? entry.recordedBy}
        {entry.correctedAt && `, ${w.corrected}`})
      </span>
    </>
  );
  return (
    <li className={entry.withdrawnAt ? 'log-entry log-entry--withdrawn' : 'log-entry'}>
      {entry.withdrawnAt ? (
        <>
          <Tag tone="grey">{w.withdrawn}</Tag> <s>{text}</s>
        </>
      ) : (
        text
      )}
      {actionText !== undefined && actionText !== entry.actionText && (
        <span className="muted small">
          {' '}
          ({w.recordedFor}: „{entry.actionText}”, v{entry.planVersion})
        </span>
      )}
      {children}
    </li>
  );
}

/** The entries of one action, or "no entries". */
export function EntryList({
  ctx,
  entries,
  actionText,
  controls,
}: {
  ctx: PageContext;
  entries: LogEntry[];
  actionText?: string;
  controls?: (entry: LogEntry) => ReactNode;
}) {
  if (entries.length === 0) return <p>{logWords[ctx.lang].none}</p>;
  return (
    <ul className="log-entries">
      {entries.map((e) => (
        <EntryItem key={e.id} ctx={ctx} entry={e} actionText={actionText}>
          {controls?.(e)}
        </EntryItem>
      ))}
    </ul>
  );
}

/**
 * The plan's staff page: each action of the version carried out with its status and live entries,
 * and, for those who write the log, a link to add an entry for that action.
 */
export function ActionProgressSection({ ctx, log }: { ctx: PageContext; log: PlanLog }) {
  const w = logWords[ctx.lang];
  if (log.actions.length === 0) return null;
  return (
    <section aria-labelledby="action-progress">
      <h2 id="action-progress">{w.progressTitle}</h2>
      {log.actions.map((action) => (
        <section key={action.index} aria-labelledby={`progress-${action.index}`}>
          <h3 id={`progress-${action.index}`}>
            {action.index + 1}. {action.description} <ProgressTag progress={action.progress} lang={ctx.lang} />
          </h3>
          <EntryList ctx={ctx} entries={action.entries} />
          {log.mayWrite && (
            <p>
              <a href={`/admin/plans/${log.plan.id}/dziennik?action=${action.index}#add-entry`}>{w.add}</a>
            </p>
          )}
        </section>
      ))}
    </section>
  );
}

/** The public plan page: each action's status and how many entries it has (their text may name people; docs/privacy.md). */
export function PublicProgressSection({ ctx, actions }: { ctx: PageContext; actions: PublicActionProgress[] }) {
  const w = logWords[ctx.lang];
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="action-progress" className="section-box">
      <h2 id="action-progress">{w.progressTitle}</h2>
      <ul>
        {actions.map((a) => (
          <li key={a.index}>
            {a.index + 1}. {a.description} <ProgressTag progress={a.progress} lang={ctx.lang} /> · {w.entries(a.entryCount)}
          </li>
        ))}
      </ul>
    </section>
  );
}
