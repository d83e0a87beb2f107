import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { CsrfField, DataTable, ErrorSummary, FileField, SelectField, type Option } from '../../../platform/render/components.js';
import { defineMessages, formatNumber } from '../../../platform/i18n/i18n.js';

const messages = defineMessages({
  pl: {
    title: 'Import i eksport rejonów',
    lead: 'Wczytaj ulice rejonów z pliku CSV albo obszary z pliku GeoJSON; pobierz dane do edycji w arkuszu.',
    rulesTitle: 'Ulice i miejscowości (CSV)',
    rulesHint:
      'Kolumny: unit,district,locality,street,numbers, kodowanie UTF-8. Plik zastępuje reguły rejonów, które wymienia; brakujące rejony zostaną utworzone.',
    polygonsTitle: 'Obszary na mapie (GeoJSON)',
    polygonsHint: 'Obiekty Polygon lub MultiPolygon z właściwościami unit i district, w WGS84 albo EPSG:2180.',
    file: 'Plik',
    partial: 'Zaimportuj poprawne wiersze, a błędne tylko zgłoś',
    partialHint: 'Bez tej opcji jeden błąd wstrzymuje cały import.',
    import: 'Importuj',
    exportTitle: 'Eksport',
    unit: 'Jednostka',
    all: 'Wszystkie jednostki',
    csv: 'Pobierz ulice (CSV)',
    geojson: 'Pobierz obszary (GeoJSON)',
    resultTitle: 'Wynik importu',
    created: 'Utworzone rejony',
    updated: 'Zmienione rejony',
    rules: 'Zapisane reguły',
    nothing: 'Nic nie zaimportowano, bo plik zawiera błędy. Popraw je albo zaznacz import tylko poprawnych wierszy.',
    rejected: 'Odrzucone wiersze',
    line: 'Wiersz',
    feature: 'Obiekt',
    reason: 'Powód',
    warnings: 'Uwagi',
    noFile: 'Wybierz plik do zaimportowania.',
    registerTitle: 'Cała strona z kontaktami dzielnicowych',
    registerHint:
      'Wklej tekst strony jednostki (rejony, dzielnicowi, telefony, e-maile, ulice) i zapisz wszystkie rejony naraz po obejrzeniu podglądu.',
    registerLink: 'Import ze strony z kontaktami',
  },
  en: {
    title: 'Import and export of districts',
    lead: 'Load district streets from a CSV file or areas from a GeoJSON file; download the data to edit in a spreadsheet.',
    rulesTitle: 'Streets and towns (CSV)',
    rulesHint:
      'Columns: unit,district,locality,street,numbers, UTF-8. The file replaces the rules of the districts it names; missing districts are created.',
    polygonsTitle: 'Map areas (GeoJSON)',
    polygonsHint: 'Polygon or MultiPolygon features with properties unit and district, in WGS84 or EPSG:2180.',
    file: 'File',
    partial: 'Import the valid lines and only report the others',
    partialHint: 'Without this option a single error stops the whole import.',
    import: 'Import',
    exportTitle: 'Export',
    unit: 'Unit',
    all: 'All units',
    csv: 'Download streets (CSV)',
    geojson: 'Download areas (GeoJSON)',
    resultTitle: 'Import result',
    created: 'Districts created',
    updated: 'Districts changed',
    rules: 'Rules saved',
    nothing: 'Nothing was imported because the file has errors. Fix them or choose to import the valid lines only.',
    rejected: 'Rejected lines',
    line: 'Line',
    feature: 'Feature',
    reason: 'Reason',
    warnings: 'Notes',
    noFile: 'Choose a file to import.',
    registerTitle: 'A whole contacts page of district officers',
    registerHint: 'Paste the unit’s page (districts, officers, phones, e-mails, streets) and save every district at once after a preview.',
    registerLink: 'Import from a contacts page',
  },
});

export interface ImportResult {
  kind: 'rules' | 'polygons';
  imported: boolean;
  created: number;
  updated: number;
  rules: number;
  rejected: { line?: number; feature?: number; message: string }[];
  warnings: { feature: number; message: string }[];
  error?: string;
}

export function ImportPage({ ctx, units, result }: { ctx: PageContext; units: Option[]; result: ImportResult | null }) {
  const m = messages[ctx.lang];
  const n = (value: number) => formatNumber(value, ctx.lang);
  const form = (kind: 'rules' | 'polygons', title: string, hint: string, accept: string) => (
    <form method="post" action={`/admin/import/${kind}`} encType="multipart/form-data" className="narrow section-box">
      <CsrfField token={ctx.csrfToken} />
      <h2>{title}</h2>
      <p className="field__hint">{hint}</p>
      <FileField name="file" id={`field-file-${kind}`} label={m.file} accept={accept} />
      <div className="field checkbox">
        <input
          className="checkbox__input"
          id={`partial-${kind}`}
          name="partial"
          type="checkbox"
          value="on"
          aria-describedby={`partial-${kind}-hint`}
        />
        <label className="checkbox__label" htmlFor={`partial-${kind}`}>
          {m.partial}
        </label>
        <p className="field__hint checkbox__hint" id={`partial-${kind}-hint`}>
          {m.partialHint}
        </p>
      </div>
      <button type="submit" className="button">
        {m.import}
      </button>
    </form>
  );
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p className="lead">{m.lead}</p>
      {result?.imported && (
        <section className="notice" role="status" aria-labelledby="result">
          <h2 id="result" className="error-summary__title">
            {m.resultTitle}
          </h2>
          <ul>
            {result.kind === 'rules' && <li>{`${m.created}: ${n(result.created)}`}</li>}
            <li>{`${m.updated}: ${n(result.updated)}`}</li>
            {result.kind === 'rules' && <li>{`${m.rules}: ${n(result.rules)}`}</li>}
          </ul>
        </section>
      )}
      {result && !result.imported && (
        <ErrorSummary
          lang={ctx.lang}
          errors={[{ field: `file-${result.kind}`, code: 'import_failed', message: result.error ?? m.nothing }]}
        />
      )}
      {result && result.rejected.length > 0 && (
        <>
          <h2>{m.rejected}</h2>
          <DataTable
            caption={m.rejected}
            columns={[{ label: result.kind === 'rules' ? m.line : m.feature }, { label: m.reason }]}
            rows={result.rejected.map((row, index) => ({ key: index, cells: [row.line ?? row.feature, row.message] }))}
            rowHeaders
          />
        </>
      )}
      {result && result.warnings.length > 0 && (
        <>
          <h2>{m.warnings}</h2>
          <ul>
            {result.warnings.map((warning, index) => (
              <li key={index}>{`${m.feature} ${warning.feature}: ${warning.message}`}</li>
            ))}
          </ul>
        </>
      )}
      <section className="narrow section-box">
        <h2>{m.registerTitle}</h2>
        <p className="field__hint">{m.registerHint}</p>
        <a href="/admin/import/register">{m.registerLink}</a>
      </section>
      {form('rules', m.rulesTitle, m.rulesHint, '.csv,text/csv,text/plain')}
      {form('polygons', m.polygonsTitle, m.polygonsHint, '.geojson,.json,application/geo+json,application/json')}
      <form method="get" action="/admin/export" className="narrow section-box">
        <h2>{m.exportTitle}</h2>
        <SelectField name="unit" label={m.unit} options={units} placeholder={m.all} />
        <div className="actions">
          <button type="submit" name="format" value="csv" className="button button--secondary">
            {m.csv}
          </button>
          <button type="submit" name="format" value="geojson" className="button button--secondary">
            {m.geojson}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export { messages as importMessages };
