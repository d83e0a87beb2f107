import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import {
  CsrfField,
  ErrorSummary,
  FileField,
  SelectField,
  SummaryRow,
  Tag,
  TextAreaField,
  TextField,
  type Option,
} from '../../../platform/render/components.js';
import { defineMessages, formatNumber } from '../../../platform/i18n/i18n.js';
import { formatRule } from '../rules-format.js';
import type { PlannedDistrict, RegisterImport } from './register-import.js';
import { acceptAttribute } from '../../../platform/documents/document-kind.js';

const messages = defineMessages({
  pl: {
    title: 'Import rejonów ze strony z kontaktami',
    lead: 'Wklej tekst strony „Twój dzielnicowy” jednostki albo wybierz plik. Najpierw zobaczysz podgląd wszystkich rejonów; nic nie zostanie zapisane, dopóki go nie zatwierdzisz.',
    unit: 'Jednostka',
    unitHint: 'Rejony zostaną zapisane w tej jednostce. Rejony, których nie ma na stronie, pozostaną bez zmian.',
    locality: 'Miejscowość ulic',
    localityHint: 'Miasto, w którym leżą wymienione ulice (np. Łęczna). Wsie są rozpoznawane z tekstu.',
    text: 'Tekst strony',
    textHint:
      'Dla każdego rejonu: numer, stopień, imię i nazwisko dzielnicowego, telefon, e-mail i obszar. Nagłówki „Rejon nr …”, tabela z kolumnami rozdzielonymi „ | ” albo jeden wiersz na rejon.',
    file: 'albo plik: zapisana strona WWW (.html), Word (.docx), OpenDocument (.odt), PDF z tekstem albo tekst (.txt)',
    preview: 'Pokaż podgląd',
    previewTitle: 'Podgląd',
    summary: (districts: string, created: string, updated: string) => `Rejony: ${districts} (nowe: ${created}, zmienione: ${updated}).`,
    problems: 'Tego nie da się zapisać',
    save: 'Zapisz rejony, dzielnicowych i ulice',
    saveHint: 'Wszystko zostanie zapisane naraz albo wcale. Dzielnicowi obejmą rejony od dziś.',
    saved: (districts: string) => `Zapisano rejony: ${districts}.`,
    district: (n: number) => `Rejon nr ${n}`,
    new: 'nowy',
    changed: 'zmieniony',
    officer: 'Dzielnicowy',
    noOfficer: 'nie rozpoznano (rejon bez dzielnicowego)',
    officerNew: 'nowy w rejestrze',
    officerRank: 'zmiana stopnia',
    officerKnown: 'już w rejestrze',
    phone: 'Telefon',
    mobile: 'Telefon komórkowy',
    email: 'E-mail',
    none: '—',
    rules: 'Ulice i miejscowości',
    noRules: 'nic nie rozpoznano; obecne ulice rejonu pozostaną',
    unresolved: 'Nierozpoznane fragmenty',
    drawPolygon: 'Narysuj obszar w edytorze rejonu',
    drawAfterSave: 'Te miejsca narysujesz na mapie w edytorze rejonu po zapisaniu.',
    warnings: 'Uwagi',
    source: 'Tekst obszaru ze strony',
    back: 'Import i eksport rejonów',
  },
  en: {
    title: 'Import districts from a contacts page',
    lead: 'Paste the text of the unit’s “your district officer” page or choose a file. You will first see a preview of every district; nothing is saved until you confirm it.',
    unit: 'Unit',
    unitHint: 'The districts are saved in this unit. Districts not on the page stay as they are.',
    locality: 'Town of the streets',
    localityHint: 'The town the listed streets are in (e.g. Łęczna). Villages are recognised from the text.',
    text: 'Page text',
    textHint:
      'For each district: number, the officer’s rank and name, phone, e-mail and area. Headings “Rejon nr …”, a table with cells separated by “ | ”, or one line per district.',
    file: 'or a file: a saved web page (.html), Word (.docx), OpenDocument (.odt), a PDF with text, or text (.txt)',
    preview: 'Show preview',
    previewTitle: 'Preview',
    summary: (districts: string, created: string, updated: string) => `Districts: ${districts} (new: ${created}, changed: ${updated}).`,
    problems: 'This cannot be saved',
    save: 'Save districts, officers and streets',
    saveHint: 'Everything is saved at once or not at all. The officers take over their districts from today.',
    saved: (districts: string) => `Districts saved: ${districts}.`,
    district: (n: number) => `District ${n}`,
    new: 'new',
    changed: 'changed',
    officer: 'District officer',
    noOfficer: 'not recognised (district without an officer)',
    officerNew: 'new in the register',
    officerRank: 'rank changes',
    officerKnown: 'already in the register',
    phone: 'Phone',
    mobile: 'Mobile phone',
    email: 'E-mail',
    none: '—',
    rules: 'Streets and towns',
    noRules: 'nothing recognised; the district’s current streets stay',
    unresolved: 'Fragments not recognised',
    drawPolygon: 'Draw the area in the district editor',
    drawAfterSave: 'You can draw these places on the map in the district editor after saving.',
    warnings: 'Notes',
    source: 'Area text from the page',
    back: 'Import and export of districts',
  },
});

export interface RegisterPageProps {
  ctx: PageContext;
  units: Option[];
  values: { unit: string; locality: string; text: string };
  result: RegisterImport | null;
  error?: string | undefined;
}

function DistrictPreview({ ctx, district, saved }: { ctx: PageContext; district: PlannedDistrict; saved: boolean }) {
  const m = messages[ctx.lang];
  const officerTag = { create: m.officerNew, update: m.officerRank, keep: m.officerKnown };
  const editor = `/admin/districts/${district.id}#field-polygon`;
  // The unresolved fragments are warnings too: each is shown once.
  const notes = district.warnings.filter((warning) => !district.unresolved.some((u) => u.message === warning));
  return (
    <section className="section-box" aria-labelledby={`district-${district.number}`}>
      <h3 id={`district-${district.number}`}>
        {m.district(district.number)}{' '}
        <Tag tone={district.action === 'create' ? 'green' : 'blue'}>{district.action === 'create' ? m.new : m.changed}</Tag>
      </h3>
      <dl className="summary-list">
        <SummaryRow label={m.officer}>
          {district.officer ? (
            <>
              {`${district.officer.rank} ${district.officer.firstName} ${district.officer.lastName} `}
              {district.officerAction && <Tag>{officerTag[district.officerAction]}</Tag>}
            </>
          ) : (
            m.noOfficer
          )}
        </SummaryRow>
        <SummaryRow label={m.phone}>{district.phone ?? m.none}</SummaryRow>
        <SummaryRow label={m.mobile}>{district.mobile ?? m.none}</SummaryRow>
        <SummaryRow label={m.email}>{district.email ?? m.none}</SummaryRow>
        <SummaryRow label={m.rules}>
          {district.rules.length > 0 ? (
            <ul className="area-list">
              {district.rules.map((rule, index) => (
                <li key={index}>{formatRule(rule, ctx.lang)}</li>
              ))}
            </ul>
          ) : (
            m.noRules
          )}
        </SummaryRow>
        {district.unresolved.length > 0 && (
          <SummaryRow label={m.unresolved}>
            <ul className="area-list">
              {district.unresolved.map((fragment, index) => (
                <li key={index}>{fragment.message[ctx.lang]}</li>
              ))}
            </ul>
            {saved || district.action === 'update' ? <a href={editor}>{m.drawPolygon}</a> : <p>{m.drawAfterSave}</p>}
          </SummaryRow>
        )}
        {notes.length > 0 && (
          <SummaryRow label={m.warnings}>
            <ul className="area-list">
              {notes.map((warning, index) => (
                <li key={index}>{warning[ctx.lang]}</li>
              ))}
            </ul>
          </SummaryRow>
        )}
        <SummaryRow label={m.source}>{district.areaText || m.none}</SummaryRow>
      </dl>
    </section>
  );
}

export function RegisterImportPage({ ctx, units, values, result, error }: RegisterPageProps) {
  const m = messages[ctx.lang];
  const n = (value: number) => formatNumber(value, ctx.lang);
  const count = (action: 'create' | 'update') => n(result?.districts.filter((d) => d.action === action).length ?? 0);
  return (
    <Layout ctx={ctx} title={m.title}>
      <p>
        <a href="/admin/import">{m.back}</a>
      </p>
      <h1>{m.title}</h1>
      <p className="lead">{m.lead}</p>
      {error && <ErrorSummary lang={ctx.lang} errors={[{ field: 'text', code: 'import_failed', message: error }]} />}
      {result?.saved && (
        <div className="notice" role="status">
          <p>{m.saved(result.districts.map((d) => d.number).join(', '))}</p>
        </div>
      )}
      {result && (
        <section aria-labelledby="preview">
          <h2 id="preview">{m.previewTitle}</h2>
          <p>{m.summary(n(result.districts.length), count('create'), count('update'))}</p>
          {[...result.warnings, ...result.problems].length > 0 && (
            <div className="error-summary" role="alert">
              <h3 className="error-summary__title">{m.problems}</h3>
              <ul>
                {[...result.problems, ...result.warnings].map((problem, index) => (
                  <li key={index}>{problem[ctx.lang]}</li>
                ))}
              </ul>
            </div>
          )}
          {result.districts.map((district) => (
            <DistrictPreview key={district.id} ctx={ctx} district={district} saved={result.saved} />
          ))}
          {!result.saved && result.problems.length === 0 && result.districts.length > 0 && (
            <form method="post" action="/admin/import/register" className="narrow section-box">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="unit" value={values.unit} />
              <input type="hidden" name="locality" value={values.locality} />
              <input type="hidden" name="text" value={values.text} />
              <p className="field__hint">{m.saveHint}</p>
              <button type="submit" name="intent" value="save" className="button">
                {m.save}
              </button>
            </form>
          )}
        </section>
      )}
      <form method="post" action="/admin/import/register" encType="multipart/form-data" className="narrow section-box">
        <CsrfField token={ctx.csrfToken} />
        <SelectField name="unit" label={m.unit} hint={m.unitHint} options={units} value={values.unit} />
        <TextField name="locality" label={m.locality} hint={m.localityHint} value={values.locality} width="medium" />
        <TextAreaField name="text" label={m.text} hint={m.textHint} value={result?.saved ? '' : values.text} rows={14} />
        <FileField name="file" label={m.file} accept={acceptAttribute} />
        <button type="submit" name="intent" value="preview" className="button">
          {m.preview}
        </button>
      </form>
    </Layout>
  );
}

export { messages as registerImportMessages };
