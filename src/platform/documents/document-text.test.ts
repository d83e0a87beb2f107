import { describe, expect, it } from 'vitest';
import {
  docxOfPlan,
  odtOf,
  pdfOf,
  planArticle,
  planLines,
  planText,
  policePage,
  scannedPdf,
  type PlanSpec,
} from '../../../test/support/document-files.js';
import { docxOfText, zipOf } from '../../../test/support/zip-files.js';
import { problemOf } from '../../../test/support/errors.js';
import { unpackArchive } from './archive-members.js';
import { readDocumentText } from './document-text.js';
import { htmlText } from './html-text.js';

const spec: PlanSpec = {
  unit: 'Komendy Powiatowej Policji w Lubartowie',
  district: 3,
  from: '01.01.2019',
  to: '30.06.2019',
  topic: 'zakłócanie spokoju na placu zabaw',
};
const actions = [
  ['Działanie', 'Termin', 'Kto'],
  ['Patrole placu zabaw', 'styczeń – czerwiec 2019', 'dzielnicowy'],
  ['Spotkanie z mieszkańcami', 'marzec 2019', 'dzielnicowy, zarząd osiedla'],
];
const rows = [
  'Działanie | Termin | Kto',
  'Patrole placu zabaw | styczeń – czerwiec 2019 | dzielnicowy',
  'Spotkanie z mieszkańcami | marzec 2019 | dzielnicowy, zarząd osiedla',
];

/** The lines of a text, the blank ones kept: the convention puts one before and after each table. */
const linesOf = (text: string) => text.split('\n');

describe('reading documents of every accepted kind', () => {
  it('tells each kind from its bytes and reads the same plan out of each', async () => {
    const files = {
      text: Buffer.from(planText(spec)),
      html: Buffer.from(policePage('Plan działania priorytetowego', planArticle(spec))),
      docx: await docxOfPlan(spec),
      odt: odtOf(planLines(spec)),
      pdf: await pdfOf(planLines(spec)),
    };
    for (const [kind, bytes] of Object.entries(files)) {
      const read = await readDocumentText(bytes);
      expect([kind, read.kind]).toEqual([kind, kind]);
      // Every kind keeps the headings, the bullets and the signature as lines of their own.
      expect(linesOf(read.text)).toEqual(
        expect.arrayContaining([
          '3. Proponowane działania wraz z terminami realizacji.',
          '· Straż Miejska – wspólne patrole,',
          'sierż. Jan Kowalski',
        ]),
      );
      expect(read.text).toContain('na okres od 01.01.2019 roku do 30.06.2019 roku');
    }
  });

  it('writes tables as one line per row, cells joined by " | ", with a blank line before and after', async () => {
    const lines = planLines(spec).slice(0, 3);
    for (const bytes of [
      await docxOfPlan(spec, actions),
      odtOf(lines, actions),
      await pdfOf(lines, actions),
      Buffer.from(
        policePage(
          'Plan',
          `<p>Wstęp do planu działania priorytetowego dla mieszkańców rejonu.</p><table><tr><th>Działanie</th><th>Termin</th><th>Kto</th></tr><tr><td>Patrole placu zabaw</td><td>styczeń – czerwiec 2019</td><td>dzielnicowy</td></tr><tr><td>Spotkanie z mieszkańcami</td><td>marzec 2019</td><td>dzielnicowy, zarząd osiedla</td></tr></table><p>Koniec planu.</p>`,
        ),
      ),
    ]) {
      const text = linesOf((await readDocumentText(bytes)).text);
      const first = text.indexOf(rows[0]!);
      expect(first).toBeGreaterThan(0);
      expect(text.slice(first - 1, first + 3)).toEqual(['', ...rows]);
      // The table is the document's last part, or a blank line closes it.
      expect(text[first + 3] ?? '').toBe('');
    }
  });

  it('keeps the main text of a saved page and leaves out its menu, cookie banner, breadcrumbs, sidebar and footer', async () => {
    const text = await htmlText(policePage('Plan działania priorytetowego dla rejonu nr 3', planArticle(spec)));
    expect(text).toContain('PLAN DZIAŁANIA PRIORYTETOWEGO dla rejonu służbowego nr 3');
    expect(text).toContain('· patrole miejsc wskazanych przez mieszkańców');
    for (const boilerplate of [
      'Przejdź do treści',
      'pliki cookies',
      'Aktualności',
      'Praca w Policji',
      'Strona główna',
      'Najnowsze informacje',
      'Zatrzymany nietrzeźwy',
      'ul. Przykładowa 1',
      'Deklaracja dostępności',
      'Szukaj',
      'statystyki',
      'dataLayer',
    ]) {
      expect([boilerplate, text.includes(boilerplate)]).toEqual([boilerplate, false]);
    }
  });

  it('reads a short page that is no article (an area description) without its boilerplate too', async () => {
    const text = await htmlText(policePage('Rejon nr 3', '<p>Rejon służbowy nr 3 obejmuje ulice: Lubelska, Polna.</p>'));
    expect(text).toContain('Rejon służbowy nr 3 obejmuje ulice: Lubelska, Polna.');
    expect(text).not.toContain('Aktualności');
    expect(text).not.toContain('Deklaracja dostępności');
  });

  it('answers a scanned PDF with 422 document_scanned saying it is a scan', async () => {
    const problem = await problemOf(readDocumentText(await scannedPdf()));
    expect([problem.status, problem.code]).toEqual([422, 'document_scanned']);
    expect(problem.text.pl).toContain('to skan');
    expect(problem.text.en).toContain('is a scan');
  });

  it('answers 415 for binary files of other kinds, naming the accepted ones (and the kind when known)', async () => {
    const unknown = await problemOf(readDocumentText(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10])));
    expect([unknown.status, unknown.code]).toEqual([415, 'unsupported_document']);
    expect(unknown.text.pl).toContain(
      'Przyjmujemy: tekst (.txt), strona WWW (.html), Word (.docx), OpenDocument (.odt), PDF z warstwą tekstową',
    );
    const doc = await problemOf(readDocumentText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])));
    expect([doc.status, doc.code, doc.details]).toEqual([
      415,
      'unsupported_document',
      { accepted: ['text', 'html', 'docx', 'odt', 'pdf'], detected: 'Word 97–2003 (.doc)' },
    ]);
    const utf16 = await problemOf(readDocumentText(Buffer.from('\uFEFFPlan', 'utf16le')));
    expect([utf16.status, utf16.code]).toEqual([415, 'not_a_text_file']);
  });

  it('refuses a ZIP of files as one document, and unpacks it as an archive, leaving out folders and system files', async () => {
    const archive = zipOf([
      { name: 'plany/', data: Buffer.alloc(0) },
      { name: 'plany/rejon3.docx', data: docxOfText('Plan') },
      { name: 'plany/rejon4.txt', data: Buffer.from('Plan 4') },
      { name: '__MACOSX/plany/._rejon3.docx', data: Buffer.from('x') },
      { name: 'plany/.DS_Store', data: Buffer.from('x') },
    ]);
    const problem = await problemOf(readDocumentText(archive));
    expect([problem.status, problem.code]).toEqual([422, 'document_is_archive']);
    expect(problem.text.pl).toContain('archiwum ZIP z plikami');
    const members = (await unpackArchive(archive, 20))!;
    expect(await unpackArchive(docxOfText('Plan'), 20)).toBeNull();
    expect(members.map((m) => m.name)).toEqual(['plany/rejon3.docx', 'plany/rejon4.txt']);
    expect(Buffer.from(members[1]!.bytes).toString()).toBe('Plan 4');
    const tooMany = await problemOf(unpackArchive(archive, 1));
    expect([tooMany.status, tooMany.details]).toEqual([413, { limit: 'entries', max: 1 }]);
  });
});
