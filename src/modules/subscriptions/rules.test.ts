import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../platform/render/atom.js';
import { confirmExpired, emailProblem, normalizeEmail, recipientsOf, subscribeStep, type Follower, type NewsItem } from './rules.js';
import { hashToken, isTokenShape, newToken, unsubscribeToken } from './tokens.js';

const at = (iso: string) => new Date(iso);

describe('the confirmation link', () => {
  const sent = at('2026-12-01T10:00:00Z');
  it('works for 7 days from when it was sent, not a minute longer', () => {
    expect(confirmExpired(sent, at('2026-12-08T09:59:00Z'))).toBe(false);
    expect(confirmExpired(sent, at('2026-12-08T10:00:00Z'))).toBe(true);
  });
});

describe('what the form does with an address', () => {
  const now = at('2026-12-05T12:00:00Z');
  it('stores and mails a new one, says nothing to a confirmed one, and resends to a waiting one only after 10 minutes', () => {
    expect(subscribeStep(undefined, now)).toBe('create');
    expect(subscribeStep({ confirmedAt: at('2026-11-01T00:00:00Z'), confirmSentAt: at('2026-11-01T00:00:00Z') }, now)).toBe('nothing');
    expect(subscribeStep({ confirmedAt: null, confirmSentAt: at('2026-12-05T11:55:00Z') }, now)).toBe('nothing');
    expect(subscribeStep({ confirmedAt: null, confirmSentAt: at('2026-12-05T11:50:00Z') }, now)).toBe('resend');
    expect(subscribeStep({ confirmedAt: null, confirmSentAt: at('2026-11-20T11:50:00Z') }, now)).toBe('resend');
  });

  it('keeps the local part as typed and lowers the domain; refuses what is not an address', () => {
    expect(normalizeEmail('  Jan.Kowalski@Example.PL ')).toBe('Jan.Kowalski@example.pl');
    expect(emailProblem('Jan.Kowalski@example.pl')).toBeNull();
    for (const bad of ['', 'jan', 'jan@', '@example.pl', 'jan kowalski@example.pl', `${'a'.repeat(65)}@example.pl`])
      expect(emailProblem(bad), bad).not.toBeNull();
  });
});

describe('who hears of a piece of news', () => {
  const followers: Follower[] = [
    { id: 'early', districtId: 'kpp/1', confirmedAt: at('2026-11-01T00:00:00Z') },
    { id: 'waiting', districtId: 'kpp/1', confirmedAt: null },
    { id: 'late', districtId: 'kpp/1', confirmedAt: at('2026-12-03T00:00:00Z') },
    { id: 'other', districtId: 'kpp/2', confirmedAt: at('2026-11-01T00:00:00Z') },
    { id: 'third', districtId: 'kpp/3', confirmedAt: at('2026-11-01T00:00:00Z') },
  ];
  const news = (kind: NewsItem['kind'], districtIds: string[]): NewsItem => ({
    key: 'k',
    kind,
    districtIds,
    at: at('2026-12-02T00:00:00Z'),
  });

  it('is the confirmed followers of its district who confirmed before it happened', () => {
    expect(recipientsOf(news('plan_published', ['kpp/1']), followers).map((f) => f.id)).toEqual(['early']);
    expect(recipientsOf(news('plan_evaluated', ['kpp/2']), followers).map((f) => f.id)).toEqual(['other']);
  });

  it('is the followers of every district a meeting concerns, and of no other', () => {
    for (const kind of ['meeting_announced', 'meeting_changed', 'meeting_cancelled'] as const)
      expect(recipientsOf(news(kind, ['kpp/1', 'kpp/2']), followers).map((f) => f.id)).toEqual(['early', 'other']);
  });
});

describe('the tokens in the links', () => {
  it('are 256-bit random or derived from the secret, URL-safe, and stored only as a SHA-256 hash', () => {
    const token = newToken();
    expect(isTokenShape(token)).toBe(true);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    const derived = unsubscribeToken('sekret', 'id-1');
    expect(isTokenShape(derived)).toBe(true);
    expect(unsubscribeToken('sekret', 'id-1')).toBe(derived);
    expect(unsubscribeToken('inny sekret', 'id-1')).not.toBe(derived);
    expect(unsubscribeToken('sekret', 'id-2')).not.toBe(derived);
    expect(isTokenShape(`${derived}/`)).toBe(false);
  });
});

describe('XML text in the Atom feed', () => {
  it('escapes markup and quotes, and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0008\uFFFE ok`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt; ok');
    expect(escapeXml('Zażółć 🚓 ]]>')).toBe('Zażółć 🚓 ]]&gt;');
  });
});
