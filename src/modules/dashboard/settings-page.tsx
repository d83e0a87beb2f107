import type { FieldError } from '../../platform/http/errors.js';
import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { CsrfField, ErrorSummary, errorFor, TextField } from '../../platform/render/components.js';
import { formatNumber, type Lang } from '../../platform/i18n/i18n.js';
import { settingDayLimit, type DashboardSettings } from './rules.js';

export const settingsMessages = {
  pl: {
    title: 'Ustawienia tablicy i przypomnień',
    lead: 'Dotyczą całego kraju: kiedy tablica rejonów pokazuje termin jako zbliżający się i kiedy dzielnicowi oraz przełożeni dostają przypomnienia e-mailem.',
    soonDays: 'Termin „zbliża się” na tyle dni przed nim',
    soonHint: `Liczba dni od 1 do ${settingDayLimit}.`,
    reminderDays: 'Przypomnienia e-mailem na tyle dni przed terminem',
    reminderHint: `Np. „7, 1”: tydzień i dzień przed. 0 to dzień terminu. Od 0 do ${settingDayLimit}, najwyżej 5 liczb; puste pole wyłącza przypomnienia przed terminem (po terminie przychodzi jedno).`,
    save: 'Zapisz',
    saved: 'Ustawienia zapisano.',
    defaults: (d: DashboardSettings) =>
      `Domyślnie: ${formatNumber(d.soonDays, 'pl')} dni; przypomnienia ${d.reminderDays.join(', ')} dni przed terminem.`,
    back: 'Tablica rejonów',
  },
  en: {
    title: 'Dashboard and reminder settings',
    lead: 'For the whole country: when the districts dashboard shows a deadline as approaching, and when officers and supervisors get e-mail reminders.',
    soonDays: 'A deadline is "approaching" this many days before it',
    soonHint: `Days from 1 to ${settingDayLimit}.`,
    reminderDays: 'E-mail reminders this many days before a deadline',
    reminderHint: `E.g. "7, 1": a week and a day before. 0 is the deadline's day. From 0 to ${settingDayLimit}, at most 5 numbers; an empty field turns reminders before deadlines off (one still comes after a deadline).`,
    save: 'Save',
    saved: 'The settings were saved.',
    defaults: (d: DashboardSettings) =>
      `Defaults: ${formatNumber(d.soonDays, 'en')} days; reminders ${d.reminderDays.join(', ')} days before a deadline.`,
    back: 'Districts dashboard',
  },
} satisfies Record<Lang, unknown>;

export const settingsUrl = '/admin/dashboard/settings';

/** The settings form: works without JavaScript; a refused value is shown back as typed, with its error. */
export function DashboardSettingsPage({
  ctx,
  settings,
  defaults,
  errors,
  values,
}: {
  ctx: PageContext;
  settings: DashboardSettings;
  defaults: DashboardSettings;
  errors: FieldError[];
  /** What the person typed, when the form comes back with errors. */
  values: Record<string, string>;
}) {
  const m = settingsMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.title}>
      <p>
        <a href="/admin/dashboard">{m.back}</a>
      </p>
      <h1>{m.title}</h1>
      <p className="lead">{m.lead}</p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <form method="post" action={settingsUrl} noValidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="soonDays"
          label={m.soonDays}
          hint={m.soonHint}
          width="short"
          value={values.soonDays ?? String(settings.soonDays)}
          error={errorFor(errors, 'soonDays')}
        />
        <TextField
          name="reminderDays"
          label={m.reminderDays}
          hint={m.reminderHint}
          width="medium"
          value={values.reminderDays ?? settings.reminderDays.join(', ')}
          error={errorFor(errors, 'reminderDays')}
        />
        <p className="muted small">{m.defaults(defaults)}</p>
        <button type="submit" className="button">
          {m.save}
        </button>
      </form>
    </Layout>
  );
}
