import type { PageContext } from '../../../platform/render/page-context.js';
import { Tag } from '../../../platform/render/components.js';
import { formatCalendarDay } from '../../../platform/i18n/i18n.js';
import type { presentBatch } from '../import/batch.js';

export type BatchView = ReturnType<typeof presentBatch> & { dryRun: boolean };

const text = {
  pl: {
    title: (dryRun: boolean) => (dryRun ? 'Podgląd importu: nic nie zapisano' : 'Wynik importu'),
    summary: (files: number, saved: number, refused: number, dryRun: boolean) =>
      dryRun
        ? `Plików: ${files}; do zapisania: ${files - refused}; odrzuconych: ${refused}.`
        : `Plików: ${files}; zapisanych planów: ${saved}; odrzuconych plików: ${refused}.`,
    again:
      'Przeglądarka nie zachowuje wybranych plików: aby zaimportować te, które odczytano, wybierz je ponownie i kliknij „Importuj pliki”.',
    outcomes: { read: 'odczytany', saved: 'zapisany', refused: 'odrzucony' },
    kinds: { text: 'tekst', html: 'strona WWW', docx: 'Word', odt: 'OpenDocument', pdf: 'PDF' } as Record<string, string>,
    archive: 'do archiwum (opublikowany plan minionego okresu)',
    draft: 'szkic do zatwierdzenia',
    district: 'rejon',
    unknown: 'nie ustalono',
    open: 'otwórz plan',
  },
  en: {
    title: (dryRun: boolean) => (dryRun ? 'Import preview: nothing was saved' : 'Import result'),
    summary: (files: number, saved: number, refused: number, dryRun: boolean) =>
      dryRun
        ? `Files: ${files}; to be saved: ${files - refused}; refused: ${refused}.`
        : `Files: ${files}; plans saved: ${saved}; files refused: ${refused}.`,
    again: 'Browsers do not keep chosen files: to import those that were read, choose them again and press “Import files”.',
    outcomes: { read: 'read', saved: 'saved', refused: 'refused' },
    kinds: { text: 'text', html: 'web page', docx: 'Word', odt: 'OpenDocument', pdf: 'PDF' } as Record<string, string>,
    archive: 'into the archive (a published plan of a past period)',
    draft: 'a draft for approval',
    district: 'district',
    unknown: 'not found',
    open: 'open the plan',
  },
};

const tones = { read: 'blue', saved: 'green', refused: 'red' } as const;

/** The per-file report of a batch import (or its preview): what was recognised, warnings, and why a file was refused. */
export function ImportReport({ ctx, batch }: { ctx: PageContext; batch: BatchView }) {
  const m = text[ctx.lang];
  const day = (d: string) => formatCalendarDay(d, ctx.lang);
  return (
    <section aria-labelledby="import-report" className="section-box">
      <h2 id="import-report">{m.title(batch.dryRun)}</h2>
      <p role="status">{m.summary(batch.files.length, batch.saved, batch.refusedFiles, batch.dryRun)}</p>
      {batch.dryRun && <p>{m.again}</p>}
      <ul className="import-report">
        {batch.files.map((file, i) => (
          <li key={i}>
            <p>
              <strong>{file.name}</strong> <Tag tone={tones[file.outcome]}>{m.outcomes[file.outcome]}</Tag>
              {file.kind && ` · ${m.kinds[file.kind] ?? file.kind}`}
            </p>
            {file.error && <p className="field__error">{file.error.message}</p>}
            {file.plans.length > 0 && (
              <ul>
                {file.plans.map((plan, j) => (
                  <li key={j}>
                    {`${m.district} ${plan.districtId ?? m.unknown}, ${plan.period ? `${plan.period.from ? day(plan.period.from) : '…'} – ${plan.period.to ? day(plan.period.to) : '…'}` : m.unknown}: ${plan.action === 'archive' ? m.archive : m.draft}`}
                    {plan.planId && (
                      <>
                        {' · '}
                        <a href={`/admin/plans/${plan.planId}`}>{m.open}</a>
                      </>
                    )}
                    {plan.refused && <span className="field__error">{` — ${plan.refused.message}`}</span>}
                    {plan.warnings.length > 0 && (
                      <ul>
                        {plan.warnings.map((warning, k) => (
                          <li key={k}>{warning}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
