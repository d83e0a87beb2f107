/** Lists inside sections: bulleted or numbered items, partners' names and tasks, action time frames. */
import type { Localized } from '../../../../platform/i18n/i18n.js';
import { findTimeFrame } from '../time-frames.js';

const BULLET = /^\s*(?:[·•▪●◦‣∙*➢►✓]|[-–—](?=\s)|\d{1,2}[.)](?=\s)|[a-z][)](?=\s))\s*/u;

/** Bulleted items; lines without a bullet continue the item unless they start a new sentence. */
export function splitItems(lines: string[]): { items: string[]; bulleted: boolean } {
  const items: string[] = [];
  let bulleted = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (BULLET.test(line)) {
      bulleted = true;
      items.push(line.replace(BULLET, '').trim());
      continue;
    }
    const previous = items[items.length - 1];
    const newSentence = /^[\p{Lu}"„]/u.test(line) && (previous === undefined || /[.:;!?]$/.test(previous));
    if (previous === undefined || newSentence) items.push(line);
    else items[items.length - 1] = `${previous} ${line}`;
  }
  return { items: items.map((item) => item.replace(/\s+/g, ' ').trim()).filter(Boolean), bulleted };
}

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}„"])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function trimItem(text: string): string {
  return text.replace(/^[\s,;:–—-]+|[\s,;–—-]+$/g, '').trim();
}

/** Name and tasks of a partner: split at a dash before a lower-case word, or at the first sentence end. */
export function splitPartner(item: string): { name: string; tasks: string } {
  const dash = /\s+[–—-]\s+(?=[\p{Ll}])/u.exec(item);
  const sentence = /\.\s+(?=[\p{Lu}])/u.exec(item);
  const cut = [dash, sentence].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!cut) return { name: trimItem(item.replace(/\.$/, '')), tasks: '' };
  return { name: trimItem(item.slice(0, cut.index)), tasks: trimItem(item.slice(cut.index + cut[0].length)).replace(/[,.]$/, '') };
}

export interface ParsedAction {
  description: string;
  from: string | null;
  to: string | null;
  /** Who carries it out, when an action table says so. */
  who?: string;
}

/** An action with its time frame taken out of the words ("… – termin realizacji do dnia 31.07.2025 roku."). */
export function actionOf(item: string, year: number | undefined, warnings: Localized[], term?: string): ParsedAction {
  const frame = findTimeFrame(term ?? item, year);
  if (!frame) {
    warnings.push({
      pl: `Nie rozpoznano terminu działania: „${item.slice(0, 80)}”.`,
      en: `No time frame recognised for the action: "${item.slice(0, 80)}".`,
    });
    return { description: trimItem(item), from: null, to: null };
  }
  if (term !== undefined) return { description: trimItem(item), from: frame.from, to: frame.to };
  const description = trimItem(
    item
      .replace(frame.text, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s*[–—-]?\s*termin realizacji\s*[–—:-]?\s*(?=\.?\s*$)/i, '')
      .replace(/\s*[–—-]\s*(?=\.?\s*$)/, '')
      .replace(/\s+([.,])/g, '$1'),
  );
  return { description: description.charAt(0).toUpperCase() + description.slice(1), from: frame.from, to: frame.to };
}
