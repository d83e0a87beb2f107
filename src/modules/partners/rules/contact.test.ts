import { describe, expect, it } from 'vitest';
import { cleanDetails, detailsProblems, isEmail, isPhone, type PartnerDetails } from './contact.js';

const details = (over: Partial<PartnerDetails> = {}): PartnerDetails =>
  cleanDetails({ name: 'Straż Miejska w Łęcznej', contactPerson: '', phone: '', email: '', address: '', note: '', ...over });

describe('contact details of a partner', () => {
  it.each(['81 855 20 12', '+48 600 100 200', '(81) 855-20-12', '818552012', '81 855 20 12 wew. 123', '+420 123 456 789'])(
    'takes %j as a telephone number',
    (phone) => expect(isPhone(phone)).toBe(true),
  );
  it.each(['855 20 12', '123', 'brak', '81 855 20 12 33 44 55 66', '81+855 20 12', '+48 600 100 200 wew.'])('refuses %j', (phone) =>
    expect(isPhone(phone)).toBe(false),
  );
  it.each([
    ['sekretariat@gmina.pl', true],
    ['a.b-c@um.leczna.pl', true],
    ['sekretariat@gmina', false],
    ['sekretariat gmina@pl.pl', false],
    ['@gmina.pl', false],
    ['sekretariat@@gmina.pl', false],
  ])('e-mail %j: %s', (email, ok) => expect(isEmail(email)).toBe(ok));

  it('requires only the name; every contact field is optional but checked when given, each problem naming its field', () => {
    expect(detailsProblems(details())).toEqual([]);
    expect(detailsProblems(details({ name: '   ' })).map((p) => p.field)).toEqual(['name']);
    expect(detailsProblems(details({ phone: '12', email: 'nie-email' })).map((p) => p.field)).toEqual(['phone', 'email']);
    expect(detailsProblems(details({ note: 'x'.repeat(2001), contactPerson: 'y'.repeat(201) })).map((p) => p.field)).toEqual([
      'contactPerson',
      'note',
    ]);
    const [problem] = detailsProblems(details({ email: 'x' }));
    expect(problem?.message.pl).toMatch(/e-mail/);
    expect(problem?.message.en).toMatch(/e-mail/);
  });

  it('trims every field and makes runs of spaces in the name one', () => {
    expect(details({ name: '  Urząd   Gminy  ', phone: ' 81 855 20 12 ' })).toMatchObject({ name: 'Urząd Gminy', phone: '81 855 20 12' });
  });
});
