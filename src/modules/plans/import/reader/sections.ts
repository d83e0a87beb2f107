/**
 * Finds where each section starts: headings (numbered, Roman, capitals, bold, alone on a line),
 * labels inside a paragraph ("Zdiagnozowane zagrożenia w rejonie służbowym: …"), and Word tables
 * (one row per section, a row of section names over a row of contents, or an action table
 * "działanie | termin | odpowiedzialny"). Tables arrive one row a line, cells joined by " | ".
 */
import { joinedLabels, labelAt, type SectionKey } from './labels.js';
import { isCapitals, leadOf, type Line, type Span } from './text.js';

/** Where a section's label is and where its content starts; `content` is given for table cells. */
export interface Mark {
  keys: SectionKey[];
  /** A heading in the template's words, not a single word such as "Cel". */
  strict: boolean;
  start: number;
  contentStart: number;
  content?: Span[];
}

/** A row of an action table, cell by cell. */
export interface ActionRow extends Span {
  description: Span;
  term: Span | null;
  who: Span | null;
}

export interface Layout {
  marks: Mark[];
  actionRows: ActionRow[];
}

const CELL = ' | ';
const NUMBER_CELL = /^\s*(?:\d{1,2}|[IVX]{1,4}|[a-e]|lp)?\s*[.)]?\s*$/iu;
const VERB = /\s(?:jest|są|był|była|było|były|został\p{L}*|będzie|będą|zostanie|zostaną|wynosi|polega)\s/iu;
const SENTENCE_END = /[.!?]\s{1,3}(?=[\p{Lu}„"])/gu;

function cells(line: Line): Span[] {
  const spans: Span[] = [];
  let at = line.start;
  for (const part of line.text.split(CELL)) {
    spans.push({ start: at, end: at + part.length });
    at += part.length + CELL.length;
  }
  return spans;
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The section label a cell holds, when the cell is just a label ("2. Zakładany cel"). */
function cellLabel(text: string, cell: Span): SectionKey | null {
  const c = trimmed(text, cell);
  const at = c.start + leadOf(text.slice(c.start, c.end)).length;
  const label = labelAt(text, at);
  if (!label || label.end > c.end) return null;
  const rest = text.slice(label.end, c.end);
  return rest.length <= 150 && !VERB.test(` ${rest} `) ? label.key : null;
}

const COLUMN = {
  description: /działa|zadani|przedsięwzię|opis|czynnoś|forma/iu,
  term: /termin|data|okres|czas|kiedy|harmonogram/iu,
  who: /odpowiedzial|realizuj|wykonaw|osob|podmiot|partner|współ|kto/iu,
};

function table(text: string, rows: Line[], marks: Mark[], actionRows: ActionRow[]): void {
  const first = cells(rows[0]!);
  const header = first.map((c) => text.slice(c.start, c.end));
  const headerKeys = first.map((c) => cellLabel(text, c));
  // A row of section names over rows of contents: each column is a section.
  if (headerKeys.filter(Boolean).length >= 2 && rows.length > 1 && !header.some((h) => COLUMN.term.test(h))) {
    headerKeys.forEach((key, column) => {
      if (!key) return;
      const content = rows
        .slice(1)
        .map((row) => cells(row)[column])
        .filter((c): c is Span => c !== undefined);
      marks.push({
        keys: [key],
        strict: true,
        start: first[column]!.start,
        contentStart: content[0]?.start ?? first[column]!.end,
        content,
      });
    });
    return;
  }
  // An action table: find the columns by their names.
  const column = (pattern: RegExp, not?: number) => header.findIndex((h, i) => i !== not && h.length < 80 && pattern.test(h));
  const description = column(COLUMN.description);
  const term = column(COLUMN.term, description);
  if (description >= 0 && term >= 0 && rows.length > 1) {
    const who = header.findIndex((h, i) => i !== description && i !== term && h.length < 80 && COLUMN.who.test(h));
    marks.push({ keys: ['actions'], strict: true, start: rows[0]!.start, contentStart: rows[0]!.end, content: [] });
    for (const row of rows.slice(1)) {
      const c = cells(row);
      if (!c[description]) continue;
      actionRows.push({
        start: row.start,
        end: row.end,
        description: trimmed(text, c[description]),
        term: c[term] ? trimmed(text, c[term]) : null,
        who: who >= 0 && c[who] ? trimmed(text, c[who]) : null,
      });
    }
    return;
  }
  // One row per section: the first cell (after a number, "1." or "Lp.") names it, the others hold it.
  for (const row of rows) {
    const c = cells(row);
    const at = c.findIndex((cell) => !NUMBER_CELL.test(text.slice(cell.start, cell.end)));
    const key = at >= 0 && c.length > at + 1 ? cellLabel(text, c[at]!) : null;
    if (key) marks.push({ keys: [key], strict: true, start: row.start, contentStart: c[at + 1]!.start });
  }
}

/** Keys named in a heading: its own and any joined to it ("… i zakładany cel"). */
function keysOf(text: string, key: SectionKey, labelEnd: number, headingEnd: number): SectionKey[] {
  const keys = [key];
  const rest = text.slice(labelEnd, headingEnd);
  for (const joined of joinedLabels) if (joined.key !== key && joined.pattern.test(rest)) keys.push(joined.key);
  return keys;
}

/** A heading or label starting at `at` inside `line`, as a mark (null when the words are prose). */
function headingAt(text: string, line: Line, at: number, lineStart: boolean, numbered: boolean, bold: boolean): Mark | null {
  const label = labelAt(text, at);
  if (!label || label.end > line.end) return null;
  // Only the words near the label count: a long line must not be scanned again for every label in it.
  const rest = text.slice(label.end, Math.min(line.end, label.end + 250));
  const colon = rest.search(/[:]/);
  const beforeColon = colon >= 0 ? rest.slice(0, colon) : '';
  if (colon >= 0 && colon <= 120 && !/[.!?]\s/.test(beforeColon) && !VERB.test(` ${beforeColon} `) && (label.strict || colon <= 60)) {
    return {
      keys: keysOf(text, label.key, label.end, label.end + colon),
      strict: label.strict,
      start: at,
      contentStart: label.end + colon + 1,
    };
  }
  if (!lineStart || line.end - at > 240) return null;
  const whole = text.slice(at, line.end).trim();
  const sentence = /[.!?]\s+\S/.test(whole) || VERB.test(` ${whole} `);
  const styled = numbered || bold || isCapitals(whole);
  if (sentence || whole.length > 220) return null;
  if (
    label.strict
      ? styled || !/[.]$/.test(whole) || rest.trim().length < 90
      : (styled && whole.length <= 100) || rest.replace(/[\s.:]/g, '').length === 0
  ) {
    return {
      keys: keysOf(text, label.key, label.end, line.end),
      strict: label.strict || numbered || bold,
      start: at,
      contentStart: line.end,
    };
  }
  return null;
}

/** The sections' marks and action-table rows of `lines`, in document order. */
export function layoutOf(text: string, bold: (line: Line, lead: number) => boolean, lines: Line[]): Layout {
  const marks: Mark[] = [];
  const actionRows: ActionRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.includes(CELL)) {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1]!.text.includes(CELL)) j++;
      table(text, lines.slice(i, j + 1), marks, actionRows);
      i = j;
      continue;
    }
    const lead = leadOf(line.text);
    if (lead.length === line.text.length) continue;
    const mark = headingAt(text, line, line.start + lead.length, true, lead.numbered, bold(line, lead.length));
    // The numbering before the label ("III.") belongs to the heading, not to the section before.
    if (mark) marks.push({ ...mark, start: line.start });
    // Labels inside a paragraph: "… w rejonie. Cel działań: ograniczenie …".
    SENTENCE_END.lastIndex = mark ? Math.max(0, mark.contentStart - line.start) : 0;
    for (let m = SENTENCE_END.exec(line.text); m; m = SENTENCE_END.exec(line.text)) {
      const inner = headingAt(text, line, line.start + m.index + m[0].length, false, false, false);
      if (inner) marks.push(inner);
    }
  }
  return { marks, actionRows };
}
