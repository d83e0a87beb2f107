import type { Lang } from '../../platform/i18n/i18n.js';
import { SummaryRow } from '../../platform/render/components.js';
import { Layout } from '../../platform/render/layout.js';
import type { PageContext } from '../../platform/render/page-context.js';
import { erasedAfter, formatDays, privacyMessages } from './messages.js';
import { retentionDays, retentionRule, type PersonalDataPiece, type RetentionSettings } from './rules.js';

/** "180 dni po zamknięciu zgłoszenia": how long a piece is kept, from the rule table and the settings. */
export function howLong(piece: PersonalDataPiece, settings: RetentionSettings, lang: Lang, sessionMaxHours: number): string {
  const m = privacyMessages[lang];
  const rule = retentionRule(piece);
  const days = retentionDays(rule, settings);
  if (rule.clock === 'ended') return m.untilSessionEnds(sessionMaxHours);
  if (rule.clock === 'closed') return days === 0 ? m.untilClosed : m.afterClosing(formatDays(days, lang));
  return m.afterMade(formatDays(days, lang));
}

/** An erased field on a staff page: "usunięto po 180 dniach (zasady przechowywania danych)", linked to the rules. */
export function ErasedValue({ days, lang }: { days: number; lang: Lang }) {
  const { text, rules } = erasedAfter(days, lang);
  return (
    <em className="erased">
      {`${text} (`}
      <a href="/prywatnosc">{rules}</a>)
    </em>
  );
}

type Row = { key: string; howLong: string };

/**
 * One list per audience; on a phone each piece stacks (no sideways scrolling of a wide table).
 * Also the report form's notice (reports/public/data-notice.tsx): the same words and times as here.
 */
export function PrivacyList({ ctx, title, id, rows, lead }: { ctx: PageContext; title: string; id: string; rows: Row[]; lead?: string }) {
  const m = privacyMessages[ctx.lang];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead && <p>{lead}</p>}
      <dl className="summary-list">
        {rows.map((row) => {
          const piece = m.pieces[row.key as keyof typeof m.pieces];
          return (
            <SummaryRow key={row.key} label={piece.what}>
              {piece.why && <p className="field__hint">{`${m.why}: ${piece.why}.`}</p>}
              <p>
                <strong>{`${m.who}: `}</strong>
                {piece.who}
              </p>
              <p>
                <strong>{`${m.howLong}: `}</strong>
                {row.howLong}
              </p>
            </SummaryRow>
          );
        })}
      </dl>
    </section>
  );
}

/** /prywatnosc: every piece of personal data, who sees it and for how long, from the settings in force. */
export function PrivacyPage({
  ctx,
  settings,
  sessionMaxHours,
}: {
  ctx: PageContext;
  settings: RetentionSettings;
  sessionMaxHours: number;
}) {
  const m = privacyMessages[ctx.lang];
  const kept = (piece: PersonalDataPiece): Row => ({ key: piece, howLong: howLong(piece, settings, ctx.lang, sessionMaxHours) });
  const residents: Row[] = [
    { key: 'publicPart', howLong: m.forever },
    kept('reportDescription'),
    kept('reportAddress'),
    kept('reportExactPoint'),
    kept('reportNotes'),
    kept('reporterEmail'),
    kept('reporterIp'),
    kept('confirmationIp'),
    kept('residentAuditIp'),
    kept('outboxMail'),
    kept('pendingSubscription'),
    { key: 'subscriberEmail', howLong: m.untilUnsubscribed },
  ];
  const staff: Row[] = [
    { key: 'staffAccount', howLong: m.accountLifetime },
    { key: 'officerPublic', howLong: m.officerLifetime },
    kept('session'),
    kept('signInAttempts'),
    kept('sentReminder'),
    { key: 'staffAudit', howLong: m.forever },
    kept('staffAuditIp'),
  ];
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p className="lead">{m.lead}</p>
      <PrivacyList ctx={ctx} title={m.residentsTitle} id="residents" rows={residents} />
      <p>{m.reopened}</p>
      <PrivacyList ctx={ctx} title={m.staffTitle} id="staff" rows={staff} />
      <h2>{m.neverTitle}</h2>
      <ul>
        {m.never.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{m.logsTitle}</h2>
      <p>{m.logs}</p>
      <h2>{m.rightsTitle}</h2>
      <p>{m.rights}</p>
      <p className="field__hint">{m.settingsNote}</p>
    </Layout>
  );
}
