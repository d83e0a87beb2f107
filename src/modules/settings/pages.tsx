import type { FieldError } from '../../platform/http/errors.js';
import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { CsrfField, ErrorSummary, errorFor, SelectField, TextField } from '../../platform/render/components.js';
import { formatDateTime, formatNumber, type Lang } from '../../platform/i18n/i18n.js';
import { settingGroups, type SettingGroup } from './catalog.js';
import { groupTitles, settingsMessages, valueInWords } from './messages.js';
import type { SettingChange, SettingView, Viewer } from './overview.js';
import { effectiveValue, voivodeshipRange, type StoredValue } from './rules.js';

export const settingsUrl = '/admin/settings';

/** A value as typed into its field: "52,1" in Polish, a list as "7, 1". */
export function valueAsTyped(value: StoredValue, lang: Lang): string {
  return Array.isArray(value) ? value.join(', ') : formatNumber(value, lang, { useGrouping: false, maximumFractionDigits: 6 });
}

const changeText = (change: SettingChange | null, lang: Lang) => {
  const m = settingsMessages[lang];
  if (!change) return m.never;
  return `${change.by ?? m.migrated}, ${formatDateTime(change.at, lang)}`;
};

/** What the person's field holds: the national value for a national administrator, the voivodeship's own otherwise. */
function ownValue(setting: SettingView, viewer: Viewer): StoredValue | null {
  if (viewer.kind === 'national') return setting.national;
  if (viewer.kind !== 'voivodeship') return null;
  const own = setting.voivodeships.find((v) => v.unitId === viewer.unitId);
  return own ? (own.value as StoredValue) : null;
}

/** The value in force for the person's unit: the national one, or their voivodeship's where stricter. */
function inForce(setting: SettingView, viewer: Viewer): StoredValue {
  const unit = viewer.kind === 'voivodeship' ? viewer.unitId : viewer.kind === 'readOnly' ? viewer.voivodeshipId : null;
  return effectiveValue(setting.id, setting.national, setting.voivodeships.find((v) => v.unitId === unit)?.value);
}

// A phone shows digits for a number; a list needs the comma of the full keyboard.
const inputModes = { integer: 'numeric', decimal: 'decimal', integerList: undefined } as const;

const editable = (setting: SettingView, viewer: Viewer) =>
  viewer.kind === 'national' || (viewer.kind === 'voivodeship' && setting.definition.tighten !== null);

/**
 * The range the person may type: the catalogue's, or for a voivodeship's own value only the values
 * stricter than the national one in force (a value equal to it is refused as not stricter).
 */
function rangeOf(setting: SettingView, viewer: Viewer): { min: number; max: number } {
  const d = setting.definition;
  return (viewer.kind === 'voivodeship' ? voivodeshipRange(setting.id, setting.national) : null) ?? { min: d.min, max: d.max };
}

const ownEntry = (setting: SettingView, viewer: Viewer) =>
  viewer.kind === 'voivodeship' ? setting.voivodeships.find((v) => v.unitId === viewer.unitId) : undefined;

/** The facts under a setting's field, as one hint: why, the range, the default, the source, the last change. */
function hintOf(setting: SettingView, viewer: Viewer, lang: Lang): string {
  const m = settingsMessages[lang];
  const d = setting.definition;
  const words = (value: StoredValue) => valueInWords(value, d.unit, lang);
  const range = rangeOf(setting, viewer);
  const own = ownEntry(setting, viewer);
  return [
    d.explanation[lang],
    d.type === 'integerList' ? m.listHint : '',
    range.min > range.max ? m.cannotTighten : m.range(formatNumber(range.min, lang), formatNumber(range.max, lang)),
    own && !own.inEffect ? m.ownNoEffect : '',
    `${m.defaultValue}: ${words(setting.defaultValue)}.`,
    viewer.kind === 'national' ? '' : `${m.national}: ${words(setting.national)}.`,
    d.regulation ? `${m.regulation}: ${d.regulation[lang]}.` : '',
    viewer.kind === 'national' ? `${m.lastChange}: ${changeText(setting.nationalChange, lang)}.` : '',
    own ? `${m.lastChange}: ${changeText(own.change, lang)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function SettingFacts({ setting, viewer, lang }: { setting: SettingView; viewer: Viewer; lang: Lang }) {
  const m = settingsMessages[lang];
  const d = setting.definition;
  return (
    <div className="field">
      <h3 className="field__label">{d.label[lang]}</h3>
      <p className="field__hint">{hintOf(setting, viewer, lang)}</p>
      <p>
        {m.inForce}: <strong>{valueInWords(inForce(setting, viewer), d.unit, lang)}</strong>
        {d.tighten === null ? ` ${m.nationalOnly}` : ''}
      </p>
    </div>
  );
}

function Group({
  ctx,
  group,
  settings,
  viewer,
  errors,
  values,
}: {
  ctx: PageContext;
  group: SettingGroup;
  settings: SettingView[];
  viewer: Viewer;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const m = settingsMessages[ctx.lang];
  const lang = ctx.lang;
  const fields = settings.filter((s) => editable(s, viewer));
  const facts = settings.filter((s) => !editable(s, viewer));
  const tightened = settings.flatMap((s) => s.voivodeships.map((v) => ({ setting: s, ...v })));
  return (
    <section aria-labelledby={`group-${group}`} id={group}>
      <h2 id={`group-${group}`}>{groupTitles[group][lang]}</h2>
      {facts.map((setting) => (
        <SettingFacts key={setting.id} setting={setting} viewer={viewer} lang={lang} />
      ))}
      {fields.length > 0 && (
        <form method="post" action={settingsUrl} noValidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="group" value={group} />
          {viewer.kind === 'voivodeship' && <input type="hidden" name="unitId" value={viewer.unitId} />}
          {fields.map((setting) => {
            const own = ownValue(setting, viewer);
            return (
              <TextField
                key={setting.id}
                name={setting.id}
                label={
                  viewer.kind === 'voivodeship'
                    ? `${setting.definition.label[lang]} (${m.ownValue.toLowerCase()})`
                    : setting.definition.label[lang]
                }
                hint={hintOf(setting, viewer, lang)}
                width={setting.definition.type === 'integerList' ? 'medium' : 'short'}
                inputMode={inputModes[setting.definition.type]}
                value={values[setting.id] ?? (own === null ? '' : valueAsTyped(own, lang))}
                error={errorFor(errors, setting.id)}
              />
            );
          })}
          <button type="submit" className="button">
            {m.save(groupTitles[group][lang])}
          </button>
        </form>
      )}
      {viewer.kind === 'national' && tightened.length > 0 && (
        <>
          <h3>{m.voivodeships}</h3>
          <ul>
            {tightened.map((t) => (
              <li key={`${t.setting.id}-${t.unitId}`}>
                {`${t.setting.definition.label[lang]}, ${t.unitName}: ${valueInWords(t.value as StoredValue, t.setting.definition.unit, lang)} (${changeText(t.change, lang)})`}
                {!t.inEffect && <strong>{`, ${m.noEffect}`}</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A national administrator's way to one voivodeship's tightening (a plain GET form, no script needed). */
function VoivodeshipChoice({
  lang,
  voivodeships,
  current,
}: {
  lang: Lang;
  voivodeships: { id: string; name: string }[];
  current: string | null;
}) {
  const m = settingsMessages[lang];
  if (voivodeships.length === 0) return null;
  return (
    <form method="get" action={settingsUrl}>
      <SelectField
        name="wojewodztwo"
        label={m.voivodeshipChoice}
        hint={m.voivodeshipChoiceHint}
        value={current ?? ''}
        placeholder={m.nationalChoice}
        options={voivodeships.map((v) => ({ value: v.id, label: v.name }))}
      />
      <button type="submit" className="button button--secondary">
        {m.show}
      </button>
      {current && (
        <p>
          <a href={settingsUrl}>{m.backToNational}</a>
        </p>
      )}
    </form>
  );
}

/**
 * The settings page: every setting grouped, one form a group (works without JavaScript; a refused
 * form comes back with the values as typed and an error summary). What a person may change
 * follows `viewer`; the rest is shown with its value in force.
 */
export function SettingsPage({
  ctx,
  settings,
  viewer,
  errors,
  values,
}: {
  ctx: PageContext;
  settings: SettingView[];
  viewer: Viewer;
  errors: FieldError[];
  /** What the person typed, when a form comes back with errors. */
  values: Record<string, string>;
}) {
  const m = settingsMessages[ctx.lang];
  const lead =
    viewer.kind === 'national'
      ? m.leadNational
      : viewer.kind === 'voivodeship'
        ? (viewer.forNational ? m.leadForVoivodeship : m.leadVoivodeship)(viewer.unitName)
        : m.leadReadOnly;
  const choice =
    viewer.kind === 'national'
      ? { voivodeships: viewer.voivodeships, current: null }
      : viewer.kind === 'voivodeship' && viewer.forNational
        ? { voivodeships: viewer.forNational.voivodeships, current: viewer.unitId }
        : null;
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p className="lead">{lead}</p>
      {choice && <VoivodeshipChoice lang={ctx.lang} {...choice} />}
      <nav aria-label={m.title}>
        <ul>
          {settingGroups.map((group) => (
            <li key={group}>
              <a href={`#${group}`}>{groupTitles[group][ctx.lang]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      {settingGroups.map((group) => (
        <Group
          key={group}
          ctx={ctx}
          group={group}
          settings={settings.filter((s) => s.definition.group === group)}
          viewer={viewer}
          errors={errors}
          values={values}
        />
      ))}
    </Layout>
  );
}
