/**
 * Reads priority action plans as units publish them (pure functions over text; the parts live in
 * ./reader/). Refuses (NotAPlanError) only a text with no sign of a plan at all; anything with a
 * plan title, a section label, a plan's period or a district beside the word "plan" gives a result
 * with every field found, the spans it came from, a warning for each field not found, and the text
 * that fits no field.
 */
import { findDistricts } from './reader/district.js';
import { findPeriods } from './reader/period.js';
import { findAll, readPart, within, type ParsedPlan } from './reader/read.js';
import { layoutOf } from './reader/sections.js';
import { divide } from './reader/split.js';
import { inputSpan, linesOf, prepare, titleCased, type Line, type Prepared, type Span } from './reader/text.js';

export type { ParsedPlan } from './reader/read.js';
export type { Target } from './reader/goal.js';
export { findTarget } from './reader/goal.js';
export { sectionNames, sectionKeys, type SectionKey } from './reader/labels.js';
export { unitNominative } from './reader/people.js';
export { splitItems, splitPartner } from './reader/items.js';
export type { Span } from './reader/text.js';

export class NotAPlanError extends Error {
  /** The template's sections (1–5) not found: all of them, as nothing of a plan was. */
  readonly missing = [1, 2, 3, 4, 5];
  constructor() {
    super('not a priority action plan');
  }
}

const PLAN_TITLE =
  /plan\p{L}{0,4}\s{1,3}(?:działa\p{L}{0,4}\s{1,3})?priorytetow|działa\p{L}{0,4}\s{1,3}priorytetow|plan\p{L}{0,4}\s{1,3}(?:dla\s{1,3})?(?:rejonu|dzielnicy)\s/iu;

/** Every plan a document holds, in document order; NotAPlanError when the text shows no sign of one. */
export function parsePlans(input: string): ParsedPlan[] {
  const prepared = prepare(input);
  const { text } = prepared;
  const lines = linesOf(text);
  // Markdown bold ("**Cel**") was blanked in the text; the input still shows it.
  const bold = (line: Line, lead: number) => {
    const at = inputSpan(prepared, line);
    return input.slice(at.start, at.start + lead + 3).includes('**') || /\*\*\s*$/.test(input.slice(at.start, at.end));
  };
  const layout = layoutOf(text, bold, lines);
  const keys = new Set(layout.marks.flatMap((m) => m.keys));
  const signs =
    PLAN_TITLE.test(text) ||
    layout.marks.some((m) => m.strict) ||
    keys.size >= 2 ||
    layout.actionRows.length > 0 ||
    findPeriods(text).some((p) => p.context && p.from && p.to) ||
    (/plan/iu.test(text) && findDistricts(text).some((d) => d.strong));
  if (!signs) throw new NotAPlanError();
  const { parts, shared } = divide(text, lines);
  const cased = titleCased(text);
  const found = findAll(text, cased);
  const marks = [...layout.marks].sort((a, b) => a.start - b.start);
  return parts.map((span) =>
    inInput(
      input,
      prepared,
      readPart({
        text,
        cased,
        span,
        shared,
        found,
        layout: { marks: within(marks, span.start, span.end), actionRows: within(layout.actionRows, span.start, span.end) },
      }),
    ),
  );
}

/** The plan's spans as offsets into the input (words joined across line breaks moved them), unrecognised text as the input has it. */
function inInput(input: string, prepared: Prepared, plan: ParsedPlan): ParsedPlan {
  const map = (s: Span) => inputSpan(prepared, s);
  const spans = prepared.offsets
    ? Object.fromEntries(Object.entries(plan.spans).map(([k, v]) => [k, Array.isArray(v) ? v.map(map) : map(v)]))
    : plan.spans;
  const unrecognised = plan.unrecognised.map((u) => {
    const at = map(u);
    return { text: input.slice(at.start, at.end), start: at.start, end: at.end };
  });
  return { ...plan, spans, unrecognised };
}

/** The first plan of a document (see parsePlans). */
export function parsePlan(input: string): ParsedPlan {
  return parsePlans(input)[0]!;
}
