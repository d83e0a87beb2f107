/**
 * One page may publish several plans ("Plan dzielnicy nr 19 obejmuje …", "Plan dzielnicy nr 20 …"):
 * a plan starts at a line that opens with its title or its district and names a district other
 * than the plan before. Text before the first plan is shared (the unit, a common period).
 */
import { findDistricts } from './district.js';
import { leadOf, type Line, type Span } from './text.js';

const OPENS = /^(?:plan\p{L}*|informacj\p{L}*|rejon\p{L}*|dzielnic[aey]\b|rewir\p{L}*|priorytet\p{L}*|pdp\b)/iu;

export interface Division {
  parts: Span[];
  shared: Span | null;
}

export function divide(text: string, lines: Line[]): Division {
  const anchors: { start: number; number: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lead = leadOf(line.text).length;
    if (!OPENS.test(line.text.slice(lead, lead + 20))) continue;
    let found = findDistricts(text, line.start, Math.min(line.end, line.start + 200))[0];
    const next = lines[i + 1];
    if (!found && next && line.text.length < 120) found = findDistricts(text, next.start, Math.min(next.end, next.start + 120))[0];
    if (found && anchors[anchors.length - 1]?.number !== found.number) anchors.push({ start: line.start, number: found.number });
  }
  if (anchors.length < 2) return { parts: [{ start: 0, end: text.length }], shared: null };
  const parts = anchors.map((a, i) => ({ start: i === 0 ? 0 : a.start, end: anchors[i + 1]?.start ?? text.length }));
  return { parts, shared: anchors[0]!.start > 0 ? { start: 0, end: anchors[0]!.start } : null };
}
