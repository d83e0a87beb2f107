import { foldTokens } from '../../../platform/text/fold.js';
import type { PlanContent } from '../model.js';

/**
 * A light Polish stemmer for search: PostgreSQL ships no Polish dictionary, so words are folded
 * (no diacritics) and their inflectional endings cut off here, before they reach a tsvector.
 * "oszustwa", "oszustw", "oszustwami", "oszustwom" → "oszustw"; "seniorów", "seniorom" → "senior".
 * Crude by design: it only has to make the forms of one word meet, not to find dictionary roots.
 */
const endings = [
  'owymi',
  'owych',
  'owego',
  'owemu',
  'ami',
  'ach',
  'owie',
  'ego',
  'emu',
  'ymi',
  'imi',
  'ych',
  'ich',
  'owi',
  'om',
  'ow',
  'em',
  'ie',
  'iu',
  'ia',
  'ii',
  'ej',
  'ym',
  'im',
  'a',
  'e',
  'i',
  'o',
  'u',
  'y',
];

/** Words too common in plans to tell them apart. */
const stopWords = new Set([
  'i',
  'w',
  'we',
  'z',
  'ze',
  'na',
  'do',
  'od',
  'o',
  'oraz',
  'a',
  'ale',
  'lub',
  'czy',
  'nie',
  'sie',
  'to',
  'ten',
  'ta',
  'te',
  'tym',
  'jest',
  'sa',
  'by',
  'byc',
  'przez',
  'dla',
  'po',
  'pod',
  'nad',
  'przy',
  'jak',
  'tak',
  'ich',
  'jego',
  'jej',
  'ktore',
  'ktory',
  'ktora',
  'roku',
  'rok',
  'r',
  'nr',
  'tj',
  'np',
  'itp',
  'celu',
  'zakresie',
]);

export function stem(word: string): string {
  if (word.length <= 4 || /^\d/.test(word)) return word;
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** Stems of every meaningful word of a text, in order (with repeats). */
export function stems(text: string): string[] {
  return foldTokens(text)
    .filter((word) => word.length > 1 && !stopWords.has(word))
    .map(stem);
}

/** The text a plan is searched by: every section, the category's name, the signature. */
export function planSearchText(content: PlanContent, extra: string[] = []): string {
  return [
    ...extra,
    content.threat.places,
    content.threat.description,
    content.goal.description,
    ...content.actions.map((a) => a.description),
    ...content.partners.flatMap((p) => [p.name, p.tasks]),
    ...content.communication,
  ].join('\n');
}

/** A tsquery for what someone typed: every word's stem, as a prefix, all required. */
export function searchQuery(text: string): string | null {
  const words = [...new Set(stems(text))].filter((w) => /^[a-z0-9]+$/.test(w)).slice(0, 12);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** A tsquery for plans like this one: its most frequent stems, any of them. */
export function similarityQuery(text: string, take = 12): string | null {
  const counts = new Map<string, number>();
  for (const word of stems(text)) if (word.length >= 4 && /^[a-z]+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, take)
    .map(([w]) => w);
  return top.length ? top.join(' | ') : null;
}
