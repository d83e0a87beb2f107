/**
 * Telling one organisation's names apart from another's (issue 15: "UG Lubartów" is "Urząd Gminy
 * Lubartów"). The database keeps the exact identity of a name (`partner_name_key`, migration 0017:
 * case, quotes, punctuation and spacing ignored); this file finds the near duplicates it cannot:
 * abbreviations, Polish letters typed without diacritics, inflection ("w Lubartowie").
 */

/** Abbreviations written in plans, folded, with what they stand for. */
const abbreviations: Record<string, string> = {
  ug: 'urzad gminy',
  um: 'urzad miasta',
  umig: 'urzad miasta i gminy',
  sp: 'szkola podstawowa',
  zs: 'zespol szkol',
  lo: 'liceum ogolnoksztalcace',
  ops: 'osrodek pomocy spolecznej',
  mops: 'miejski osrodek pomocy spolecznej',
  gops: 'gminny osrodek pomocy spolecznej',
  mgops: 'miejsko gminny osrodek pomocy spolecznej',
  pcpr: 'powiatowe centrum pomocy rodzinie',
  zdp: 'zarzad drog powiatowych',
  zdm: 'zarzad drog miejskich',
  zdw: 'zarzad drog wojewodzkich',
  gddkia: 'generalna dyrekcja drog krajowych i autostrad',
  tbs: 'towarzystwo budownictwa spolecznego',
  psp: 'panstwowa straz pozarna',
  osp: 'ochotnicza straz pozarna',
  mok: 'miejski osrodek kultury',
  gok: 'gminny osrodek kultury',
};

/** Words that do not tell organisations apart ("Szkoła Podstawowa nr 2" = "SP 2"; "UG w Lubartowie"). */
const fillers = new Set(['nr', 'numer', 'w', 'we', 'im', 'imienia']);

/** Polish letters folded to ASCII (ł has no decomposition, so NFD alone misses it). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

/**
 * A name as compared with others: folded, lower case, without quotes and punctuation (a dot after
 * a single letter joins it to the next one: "U.G." is "ug"), abbreviations written out, fillers dropped.
 */
export function matchKey(name: string): string {
  const plain = fold(name.normalize('NFC'))
    .toLowerCase()
    .replace(/["'„”“«»`‚‘’]/g, '')
    .replace(/(?<=(?:^|[^\p{L}\p{N}])\p{L})\./gu, '')
    // "Sp. z o.o." is a company, not a primary school (sp).
    .replace(/\bsp\W+z\W+o\W*o\b/g, 'spolka z oo')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return plain
    .split(' ')
    .filter((word) => word && !fillers.has(word))
    .map((word) => abbreviations[word] ?? word)
    .join(' ');
}

/** The word trigrams of a key, as pg_trgm makes them (each word padded by two spaces before, one after). */
function trigrams(key: string): Set<string> {
  const set = new Set<string>();
  for (const word of key.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/** pg_trgm's similarity: shared trigrams over all trigrams of both (0–1). */
export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** The numbers in a key, in order: "Szkoła Podstawowa nr 2" and "nr 3" are two schools however alike the words. */
const numbersOf = (key: string) => (key.match(/\d+/g) ?? []).map(Number).join(',');

/**
 * Similar enough to ask "did you mean…?": "Urząd Gminy Lubartów" and "Urząd Miasta Lubartów" (two
 * offices) score 0.54; "UG w Lubartowie" and "Urząd Gminy Lubartów" 0.83.
 */
export const nearThreshold = 0.6;

export interface NameMatch<T> {
  candidate: T;
  /** The same name once abbreviations, letters and fillers are set aside: taken as the same organisation. */
  same: boolean;
  score: number;
}

/** The candidates whose names are near `name`, the closest first (the same name first of all). */
export function nearDuplicates<T extends { name: string }>(name: string, candidates: readonly T[]): NameMatch<T>[] {
  const key = matchKey(name);
  if (!key) return [];
  const numbers = numbersOf(key);
  return candidates
    .flatMap((candidate) => {
      const other = matchKey(candidate.name);
      if (other === key) return [{ candidate, same: true, score: 1 }];
      if (numbersOf(other) !== numbers) return [];
      const score = similarity(key, other);
      return score >= nearThreshold ? [{ candidate, same: false, score }] : [];
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * The registry's partners near a plan entry's name, other than the entry it is linked to: the
 * editor's "did you mean…?" under the field, so a near duplicate is offered instead of kept (at
 * most three).
 */
export function nearOtherPartners<T extends { id: string; name: string }>(
  entry: { partnerId?: string | undefined; name: string },
  choices: readonly T[],
): T[] {
  return nearDuplicates(
    entry.name,
    choices.filter((choice) => choice.id !== entry.partnerId),
  )
    .slice(0, 3)
    .map((match) => match.candidate);
}
