import { describe, expect, it } from 'vitest';
import { actions, can, isAction, roleMay, subjectMay, type Action, type Resource, type Subject } from './policy.js';

// A unit tree KGP > KWP > {KPP A, KPP B}; the thing acted on lies in district A-1 of KPP A.
const ancestryOfA = ['kgp', 'kwp', 'kpp-a'];
const thing: Resource = { unitAncestry: ancestryOfA, districtId: 'a-1' };

const person = (role: Subject['role'], unitId: string, servedDistricts: string[] = []): Subject => ({
  role,
  unitId,
  unitIsTop: unitId === 'kgp',
  servedDistricts,
});

// The columns of the matrix below, in order.
const people: [string, Subject | null][] = [
  ['anonymous', null],
  ['officer of the district', person('officer', 'kpp-a', ['a-1'])],
  ['officer of another district of the unit', person('officer', 'kpp-a', ['a-2'])],
  ["today's substitute", person('officer', 'kpp-a', ['a-3', 'a-1'])],
  ['supervisor of the unit', person('supervisor', 'kpp-a')],
  ['commander of the unit', person('commander', 'kpp-a')],
  ['supervisor of another unit', person('supervisor', 'kpp-b')],
  ['commander of another unit', person('commander', 'kpp-b')],
  ['voivodeship administrator', person('admin', 'kwp')],
  ['national administrator', person('admin', 'kgp')],
];

// The expected answers, written out by hand (Y may, - may not), one column per person above:
//                                anon  off  other subst sup  cmd  sup' cmd' admW admN
const expected: Record<Action, string> = {
  'staff.area': ' -    Y    Y     Y     Y    Y    Y    Y    Y    Y',
  'plan.read_working': ' -    Y    -     Y     Y    Y    -    -    Y    Y',
  'plan.start': ' -    Y    -     Y     Y    Y    -    -    Y    Y',
  'plan.edit': ' -    Y    -     Y     -    -    -    -    -    -',
  'plan.delete_draft': ' -    Y    -     Y     Y    Y    -    -    Y    Y',
  'plan.review': ' -    -    -     -     Y    Y    -    -    -    -',
  'plan.import_archived': ' -    -    -     -     Y    Y    -    -    -    -',
  'plan.log_action': ' -    Y    -     Y     -    -    -    -    -    -',
  'plan.read_log': ' -    Y    -     Y     Y    Y    -    -    -    -',
  'report.read_staff': ' -    Y    -     Y     Y    Y    -    -    Y    Y',
  'report.verify': ' -    Y    -     Y     Y    Y    -    -    -    -',
  'report.supervise': ' -    -    -     -     Y    Y    -    -    -    -',
  'report.categories': ' -    -    -     -     -    -    -    -    Y    Y',
  'report.flood_settings': ' -    -    -     -     Y    Y    Y    Y    Y    Y',
  'dashboard.read': ' -    Y    -     Y     Y    Y    -    -    -    -',
  'meeting.manage': ' -    Y    -     Y     Y    Y    -    -    -    -',
  'indicator.import': ' -    -    -     -     Y    Y    -    -    -    -',
  'indicator.read': ' -    -    -     -     Y    Y    -    -    Y    Y',
  'partner.read': ' -    Y    Y     Y     Y    Y    -    -    Y    Y',
  'partner.manage': ' -    Y    Y     Y     Y    Y    -    -    -    -',
  'register.edit': ' -    -    -     -     -    Y    -    -    Y    Y',
  'register.read_staff': ' -    -    -     -     Y    Y    -    -    Y    Y',
  'unit.manage': ' -    -    -     -     -    -    -    -    Y    Y',
  'officer.assign': ' -    -    -     -     Y    Y    -    -    Y    Y',
  'account.manage': ' -    -    -     -     -    -    -    -    Y    Y',
  'audit.read': ' -    -    -     -     -    -    -    -    Y    Y',
  'settings.national': ' -    -    -     -     -    -    -    -    -    Y',
  'settings.manage': ' -    -    -     -     -    -    -    -    Y    Y',
  'settings.voivodeship': ' -    -    -     -     -    -    -    -    Y    Y',
};

describe('who may do what (policy table)', () => {
  const cases = actions.flatMap((action) => {
    const answers = expected[action].trim().split(/\s+/);
    return people.map(([who, subject], i) => ({ action, who, subject, allowed: answers[i] === 'Y' }));
  });

  it('has one row of ten answers for every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
    for (const row of Object.values(expected)) expect(row.trim().split(/\s+/)).toHaveLength(people.length);
  });

  it.each(cases)('$action by $who: $allowed', ({ action, subject, allowed }) => {
    expect(can(subject, action, thing)).toBe(allowed);
    // Whatever a person may do to the thing, their role may do at all (the route's check comes first),
    // and so may the person (the pages' links).
    if (allowed) expect(roleMay(subject!.role, action)).toBe(true);
    if (allowed) expect(subjectMay(subject!, action)).toBe(true);
  });

  it('lets a voivodeship value be set by that KWP’s administrators and national ones, not by a city command’s', () => {
    const voivodeship: Resource = { unitAncestry: ['kgp', 'kwp'] };
    expect(can(person('admin', 'kwp'), 'settings.voivodeship', voivodeship)).toBe(true);
    expect(can(person('admin', 'kgp'), 'settings.voivodeship', voivodeship)).toBe(true);
    expect(can(person('admin', 'kpp-a'), 'settings.voivodeship', voivodeship)).toBe(false);
    expect(can(person('admin', 'kwp-2'), 'settings.voivodeship', voivodeship)).toBe(false);
  });

  it('answers what a person may do at all from the role and the person’s own facts, before any thing is read', () => {
    const regional = person('admin', 'kwp');
    // A voivodeship administrator's role may change national settings, the person may not: no link to them.
    expect(roleMay(regional.role, 'settings.national')).toBe(true);
    expect(subjectMay(regional, 'settings.national')).toBe(false);
    expect(subjectMay(person('admin', 'kgp'), 'settings.national')).toBe(true);
    // An action that depends on the thing is open to the role until the thing is asked about.
    expect(subjectMay(person('officer', 'kpp-a'), 'plan.edit')).toBe(true);
    expect(subjectMay(person('supervisor', 'kpp-a'), 'account.manage')).toBe(false);
  });

  it('scopes a unit to the units below it, never above or beside', () => {
    const commander = person('commander', 'kpp-a');
    expect(can(commander, 'register.edit', { unitAncestry: ['kgp', 'kwp', 'kpp-a', 'pp-a'] })).toBe(true);
    expect(can(commander, 'register.edit', { unitAncestry: ['kgp', 'kwp'] })).toBe(false);
    expect(can(commander, 'register.edit', { unitAncestry: [] })).toBe(false);
  });

  it('does not take a district the person serves for one without a district', () => {
    const officer = person('officer', 'kpp-a', ['a-1']);
    expect(can(officer, 'report.verify', { unitAncestry: ancestryOfA, districtId: null })).toBe(false);
  });

  it('names only its own actions', () => {
    expect(isAction('plan.edit')).toBe(true);
    expect(isAction('toString')).toBe(false);
    expect(isAction('plan.fly')).toBe(false);
  });
});
