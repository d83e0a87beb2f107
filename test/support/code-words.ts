import { settingIds } from '../../src/modules/settings/index.js';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { roles } from '../../src/platform/auth/principal.js';
import { reportStatuses, statusLabels, staffReportMessages } from '../../src/modules/reports/index.js';
import { meetingKindLabels } from '../../src/modules/meetings/index.js';
import { reviewActions } from '../../src/modules/reports/rules/floods.js';
import { actionStatuses, diagnosisSources, evaluationOutcomes, planStatuses } from '../../src/modules/plans/model.js';
import { allTransitions } from '../../src/modules/plans/workflow.js';
import { officerPositions } from '../../src/modules/districts/model.js';
import { projectRoot } from '../../src/platform/config/config.js';

/** Where a code word comes from, so a failure says which catalogue lacks a word (plans: i13-review). */
export interface CodeWord {
  token: string;
  source: string;
}

/**
 * The identifiers the code uses for statuses, roles, actions and limits, read from its own enums
 * (and, for the audit log, from the records it wrote): none of them may reach a page as text.
 */
export function codeWords(extra: { auditActions: string[]; auditEntityTypes: string[] }): CodeWord[] {
  const lists: [string, readonly string[]][] = [
    ['roles', roles],
    ['report statuses', reportStatuses],
    ['report review actions', reviewActions],
    ['report events', Object.keys(staffReportMessages.en.kinds)],
    ['report deadlines', ['take_up']],
    ['setting ids', settingIds],
    ['plan statuses', planStatuses],
    ['plan transitions', allTransitions],
    ['plan action statuses', actionStatuses],
    ['plan evaluation outcomes', evaluationOutcomes],
    ['plan diagnosis sources', diagnosisSources],
    ['officer positions', officerPositions],
    ['audit actions', extra.auditActions],
    ['audit record types', extra.auditEntityTypes],
  ];
  const seen = new Set<string>();
  return lists.flatMap(([source, tokens]) => tokens.filter((t) => !seen.has(t) && seen.add(t)).map((token) => ({ token, source })));
}

/**
 * Every word of every message of one language in the catalogues (src/**\/messages.ts and the status
 * labels), lower-cased: a code token that is also an ordinary word of that language ("status",
 * "login" in Polish; "new", "confirmed" in English) cannot be told from it by the text alone.
 */
export async function catalogueWords(lang: 'pl' | 'en'): Promise<Set<string>> {
  const words = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const word of value.toLowerCase().match(/[\p{L}_]+/gu) ?? []) words.add(word);
    else if (value && typeof value === 'object') {
      if (lang in value) walk((value as Record<string, unknown>)[lang]);
      else Object.values(value).forEach(walk);
    }
  };
  const files = readdirSync(path.join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => path.basename(f) === 'messages.ts',
  );
  // Label tables kept beside their rules rather than in a messages.ts: "Public debate" is English.
  walk(statusLabels);
  walk(meetingKindLabels);
  for (const file of files) walk(await import(pathToFileURL(path.join(projectRoot, 'src', file)).href));
  return words;
}

/** The text a person sees on a page: no head, scripts or styles, tags dropped, entities decoded. */
export function visibleText(html: string): string {
  const body = html.replace(/<head>.*?<\/head>/s, '').replace(/<(script|style|template)\b.*?<\/\1>/gs, ' ');
  const labels = [...body.matchAll(/\saria-label="([^"]*)"/g)].map((m) => m[1]!);
  const text = body.replace(/<[^>]*>/g, ' ');
  return [text, ...labels]
    .join(' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/**
 * The code words in a page's text. A token with "_", "." or "/" is never a word of either language;
 * a plain token ("approve", "submitted") counts unless the messages of the page's language use that
 * word themselves (`catalogue`). Logins and addresses around a token ("admin.zalesie", "/admin") are
 * not the token.
 */
export function codeWordsIn(text: string, words: CodeWord[], catalogue: Set<string>): { word: CodeWord; context: string }[] {
  const found: { word: CodeWord; context: string }[] = [];
  for (const word of words) {
    const plain = /^[\p{L}]+$/u.test(word.token);
    if (plain && catalogue.has(word.token.toLowerCase())) continue;
    const escaped = word.token.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const match = new RegExp(`(?<![\\p{L}\\p{N}_./@-])${escaped}(?![\\p{L}\\p{N}_/@-]|\\.[\\p{L}\\p{N}])`, 'u').exec(text);
    if (match) found.push({ word, context: text.slice(Math.max(0, match.index - 60), match.index + word.token.length + 60).trim() });
  }
  return found;
}
