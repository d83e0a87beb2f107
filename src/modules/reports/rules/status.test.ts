import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  availableStatuses,
  isClosed,
  nextStatusProblem,
  openStatuses,
  publicStatus,
  reportStatuses,
  statusLabels,
  type ReportStatus,
  type Standing,
} from './status.js';

const officer: Standing = { isDistrictOfficer: true, isSupervisor: false };
const supervisor: Standing = { isDistrictOfficer: false, isSupervisor: true };
const both: Standing = { isDistrictOfficer: true, isSupervisor: true };
const nobody: Standing = { isDistrictOfficer: false, isSupervisor: false };
const standings = { officer, supervisor, both, nobody };

/** Extras that satisfy every transition, so only the graph and the standing decide. */
const valid = { reportId: 'r-1', forwardedTo: 'Zarząd Dróg Miejskich', duplicateOf: { id: 'r-0', status: 'confirmed' as ReportStatus } };

// The graph from the brief, written out independently of the implementation.
const ordinary = new Set([
  'new>verifying',
  'new>duplicate',
  'verifying>confirmed',
  'verifying>not_confirmed',
  'verifying>joke',
  'verifying>forwarded',
  'verifying>duplicate',
  'confirmed>eliminated',
  'confirmed>forwarded',
]);
const reopening = new Set(['eliminated', 'not_confirmed', 'joke', 'duplicate', 'forwarded'].map((s) => `${s}>verifying`));

describe('report status transitions', () => {
  const cases = reportStatuses.flatMap((from) =>
    reportStatuses.flatMap((to) => Object.entries(standings).map(([who, standing]) => ({ from, to, who, standing }))),
  );

  it.each(cases)('$from → $to by $who', ({ from, to, standing }) => {
    const key = `${from}>${to}`;
    const allowed = ordinary.has(key)
      ? standing.isDistrictOfficer || standing.isSupervisor
      : reopening.has(key)
        ? standing.isSupervisor
        : false;
    const problem = nextStatusProblem(from, to, standing, valid);
    expect(problem === null).toBe(allowed);
    if (problem) {
      expect(problem.pl.trim()).not.toBe('');
      expect(problem.en.trim()).not.toBe('');
    }
    expect(availableStatuses(from, standing).includes(to)).toBe(allowed);
  });

  it('names both statuses when the graph forbids a move', () => {
    expect(nextStatusProblem('new', 'eliminated', both, valid)).toEqual({
      pl: 'Zgłoszenie o statusie „Nowe” nie może przejść do „Potwierdzone (wyeliminowane)”.',
      en: 'A report with the status "New" cannot move to "Confirmed (eliminated)".',
    });
    expect(nextStatusProblem('confirmed', 'new', both, valid)!.pl).toBe('Zgłoszenie o statusie „Potwierdzone” nie może przejść do „Nowe”.');
  });

  it('says when the status would not change', () => {
    expect(nextStatusProblem('verifying', 'verifying', both, valid)!.pl).toBe('Zgłoszenie ma już status „Weryfikacja”.');
  });

  it('tells an outsider who may change the status, and an officer that reopening needs a supervisor', () => {
    expect(nextStatusProblem('new', 'verifying', nobody, valid)!.en).toContain("officer of the report's district");
    expect(nextStatusProblem('joke', 'verifying', officer, valid)!.pl).toBe(
      'Zamknięte zgłoszenie może ponownie otworzyć tylko przełożony.',
    );
  });

  it('checks who may act before what is missing', () => {
    expect(nextStatusProblem('verifying', 'forwarded', nobody, { reportId: 'r-1' })!.en).toContain('Only the officer');
  });
});

describe('forwarding outside the Police', () => {
  it.each([undefined, null, '', '   ', 'X'])('needs the institution, refusing %j', (forwardedTo) => {
    expect(nextStatusProblem('confirmed', 'forwarded', officer, { reportId: 'r-1', forwardedTo })!.pl).toBe(
      'Podaj instytucję, której przekazano zgłoszenie.',
    );
  });

  it('accepts a named institution and refuses an overlong one', () => {
    expect(nextStatusProblem('verifying', 'forwarded', officer, { reportId: 'r-1', forwardedTo: ' Straż Miejska ' })).toBeNull();
    expect(nextStatusProblem('verifying', 'forwarded', officer, { reportId: 'r-1', forwardedTo: 'ś'.repeat(201) })!.en).toContain(
      'at most 200',
    );
  });
});

describe('duplicates', () => {
  it('need the original report', () => {
    expect(nextStatusProblem('new', 'duplicate', officer, { reportId: 'r-1' })!.en).toBe('Choose the report this one duplicates.');
    expect(nextStatusProblem('new', 'duplicate', officer, { reportId: 'r-1', duplicateOf: null })).not.toBeNull();
  });

  it('cannot point at themselves', () => {
    expect(nextStatusProblem('verifying', 'duplicate', officer, { reportId: 'r-1', duplicateOf: { id: 'r-1', status: 'new' } })!.pl).toBe(
      'Zgłoszenie nie może być duplikatem samego siebie.',
    );
  });

  it('must point at an original, whatever its other status', () => {
    fc.assert(
      fc.property(fc.constantFrom(...reportStatuses), fc.constantFrom<ReportStatus>('new', 'verifying'), (targetStatus, from) => {
        const problem = nextStatusProblem(from, 'duplicate', officer, { reportId: 'a', duplicateOf: { id: 'b', status: targetStatus } });
        expect(problem === null).toBe(targetStatus !== 'duplicate');
      }),
    );
  });
});

describe('open and closed', () => {
  it('maps to Open311 open/closed, with confirmed still open until eliminated', () => {
    expect(reportStatuses.filter((s) => publicStatus(s) === 'open')).toEqual(['new', 'verifying', 'confirmed']);
    expect(openStatuses).toEqual(['new', 'verifying', 'confirmed']);
    for (const status of reportStatuses) expect(isClosed(status)).toBe(publicStatus(status) === 'closed');
  });

  it('lets only a supervisor move a closed report, and only back to verification', () => {
    fc.assert(
      fc.property(fc.constantFrom(...reportStatuses.filter(isClosed)), fc.constantFrom(...reportStatuses), (from, to) => {
        expect(availableStatuses(from, officer)).toEqual([]);
        expect(nextStatusProblem(from, to, supervisor, valid) === null).toBe(to === 'verifying');
      }),
    );
  });

  it('never lets an outsider change anything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...reportStatuses), fc.constantFrom(...reportStatuses), (from, to) => {
        expect(nextStatusProblem(from, to, nobody, valid)).not.toBeNull();
      }),
    );
  });

  it('labels the statuses in Polish as the guidelines do', () => {
    const published = [
      'Nowe',
      'Weryfikacja',
      'Potwierdzone',
      'Potwierdzone (przekazane poza Policję)',
      'Niepotwierdzone',
      'Potwierdzone (wyeliminowane)',
      'Żart lub pomyłka',
    ];
    expect(reportStatuses.filter((s) => s !== 'duplicate').map((s) => statusLabels[s].pl)).toEqual(published);
  });
});
