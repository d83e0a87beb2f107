import { describe, expect, it } from 'vitest';
import { decisionMail } from './decision-mail.js';

const decision = {
  to: 'piotr.nowicki@example.com',
  decision: 'returned' as const,
  districtName: 'Rejon nr 3 – Lubartów',
  periodFrom: '2027-01-01',
  periodTo: '2027-06-30',
  version: 1,
  comments: [
    { section: 'goal' as const, item: null, text: 'Określ miernik.' },
    { section: 'actions' as const, item: 1, text: 'Podaj termin.' },
    { section: 'general' as const, item: null, text: 'Popraw i prześlij.' },
  ],
  by: 'kom. Joanna Sadowska',
  url: 'https://dzielnicowy.example/admin/plans/1',
};

describe('the e-mail about a reviewer’s decision', () => {
  it('puts each comment under its section’s name in both languages, never the code', () => {
    const mail = decisionMail(decision);
    expect(mail.subject).toBe('Plan zwrócony do poprawy: Rejon nr 3 – Lubartów / Plan returned for changes');
    expect(mail.text).toContain('- Cel: Określ miernik.\n- Działanie 2: Podaj termin.\n- Uwagi ogólne: Popraw i prześlij.');
    expect(mail.text).toContain('- Goal: Określ miernik.\n- Action 2: Podaj termin.\n- General comments: Popraw i prześlij.');
    expect(mail.text).toContain('okres od 1 stycznia 2027 do 30 czerwca 2027) zwrócono do poprawy. Decyzja: kom. Joanna Sadowska.');
    expect(mail.text).toContain('Plan: https://dzielnicowy.example/admin/plans/1');
    expect(mail.text).not.toMatch(/\b(goal|actions|general)\b:?/);
  });

  it('says an approval and what comes next, without a comments heading when there are none', () => {
    const mail = decisionMail({ ...decision, decision: 'approved', comments: [], url: null });
    expect(mail.subject).toBe('Plan zatwierdzony: Rejon nr 3 – Lubartów / Plan approved');
    expect(mail.text).toContain('Następny krok to publikacja planu.');
    expect(mail.text).not.toContain('Uwagi:');
    expect(mail.text).not.toContain('Plan: ');
  });
});
