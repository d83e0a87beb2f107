/**
 * Reads one plan out of a part of a document: header fields (unit, district, period, officer),
 * the five sections from the layout, the signature, and whatever fits no field (kept, with spans).
 */
import type { Localized } from '../../../../platform/i18n/i18n.js';
import { findDistricts, type DistrictFound } from './district.js';
import { findTarget, looksMeasurable, type Target } from './goal.js';
import { actionOf, sentences, splitItems, splitPartner, trimItem, type ParsedAction } from './items.js';
import { sectionKeys, sectionNames, type SectionKey } from './labels.js';
import { findOfficers, findUnits, type OfficerFound, type UnitFound } from './people.js';
import { findPeriods, type PeriodFound } from './period.js';
import type { Layout, Mark } from './sections.js';
import { collapse, trimSpan, type Span } from './text.js';

export interface ParsedPlan {
  unit: string | null;
  districtNumber: number | null;
  /** Either end may be null when the document gives only one (a warning says so). */
  period: { from: string | null; to: string | null } | null;
  officer: { rank: string | null; name: string } | null;
  threat: { description: string };
  goal: { description: string; target: Target | null };
  actions: ParsedAction[];
  partners: { name: string; tasks: string }[];
  communication: string[];
  signature: string | null;
  warnings: Localized[];
  /** Where each field came from: character offsets into the input text. */
  spans: Partial<Record<'unit' | 'districtNumber' | 'period' | 'officer' | 'signature' | 'title' | SectionKey, Span | Span[]>>;
  /** Text that fits no field, kept with its place. */
  unrecognised: { text: string; start: number; end: number }[];
}

/** The document around a plan: its own part, and the text before the first plan (shared by all). */
export interface Part {
  text: string;
  /** The text with lines in capitals or small letters title-cased, for names (same offsets). */
  cased: string;
  span: Span;
  shared: Span | null;
  layout: Layout;
  /** What the whole document names, found once (a page of many plans is not searched again for each). */
  found: Found;
}

export interface Found {
  districts: DistrictFound[];
  periods: PeriodFound[];
  units: UnitFound[];
  officers: OfficerFound[];
}

export function findAll(text: string, cased: string): Found {
  return { districts: findDistricts(text), periods: findPeriods(text), units: findUnits(cased), officers: findOfficers(cased) };
}

/** The items (sorted by start) that start in [from, to), by binary search. */
export function within<T extends { start: number }>(items: T[], from: number, to: number): T[] {
  const first = (at: number) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return items.slice(first(from), first(to));
}

const GOAL_CUE =
  /(?:^|[.!?:]\s{1,3}|\n)[\s•·–-]{0,4}(?=(?:cel(?:em)?|zakładan\p{L}*|ograniczeni\p{L}*|zmniejszeni\p{L}*|wyeliminowani\p{L}*|eliminacj\p{L}*|poprawa|zwiększeni\p{L}*|podniesieni\p{L}*|redukcj\p{L}*|spadek|wzrost|likwidacj\p{L}*|osiągnięci\p{L}*)(?!\p{L}))/iu;
const TITLE =
  /plan\p{L}*\s{1,3}(?:działa\p{L}*\s{1,3})?priorytet|informacj\p{L}*\s{1,3}dotycząc|priorytet\p{L}*|plan\p{L}*\s{1,3}(?:dla\s{1,3})?(?:rejon|dzielnic)/iu;
const SIGNATURE_LEAD =
  /^\s*(?:(?:opracował[a]?|sporządził[a]?|przygotował[a]?|podpis|dzielnicow\p{L}*(?:\s+rejonu\s+(?:nr\s*)?\d{1,3})?)\s*[:,-]?\s*)?/iu;

function first<T extends Span>(found: T[], strong: (t: T) => boolean): T | undefined {
  return found.find(strong) ?? found[0];
}

function linesOfSpans(text: string, spans: Span[]): string[] {
  return spans.flatMap((s) => text.slice(s.start, s.end).replaceAll(' | ', ' ').split('\n'));
}

/** The content of each section: the text after its label up to the next label (or its table cells). */
function contents(part: Part, end: number): Map<SectionKey, Span[]> {
  const { text } = part;
  const map = new Map<SectionKey, Span[]>();
  const marks = dropRepeats(part.layout.marks);
  marks.forEach((mark, i) => {
    const next = marks[i + 1]?.start ?? end;
    const raw = mark.content ?? [{ start: mark.contentStart, end: Math.max(mark.contentStart, Math.min(next, end)) }];
    const spans = raw.map((s) => trimSpan(text, s.start, Math.min(s.end, end))).filter((s): s is Span => s !== null);
    const [key, second] = mark.keys;
    if (second && spans.length > 0) {
      // "Charakterystyka zagrożenia i zakładany cel": the goal starts at its first goal-like sentence.
      const whole = spans[0]!;
      const cue = second === 'goal' ? GOAL_CUE.exec(text.slice(whole.start, whole.end)) : null;
      if (cue && cue.index > 0) {
        const cut = whole.start + cue.index + cue[0].length;
        add(
          map,
          key!,
          [{ start: whole.start, end: cut }, ...spans.slice(1)]
            .map((s) => trimSpan(text, s.start, s.end))
            .filter((s): s is Span => s !== null),
        );
        add(
          map,
          second,
          [trimSpan(text, cut, whole.end)].filter((s): s is Span => s !== null),
        );
      } else {
        add(map, key!, spans);
        add(map, second, spans);
      }
      for (const other of mark.keys.slice(2)) add(map, other, spans);
      return;
    }
    add(map, key!, spans);
  });
  return map;
}

function add(map: Map<SectionKey, Span[]>, key: SectionKey, spans: Span[]) {
  map.set(key, [...(map.get(key) ?? []), ...spans]);
}

/** A loose label repeating the section it is in ("Działania profilaktyczne: …" under actions) is content. */
function dropRepeats(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  return sorted.filter((mark, i) => i === 0 || mark.strict || mark.content !== undefined || mark.keys[0] !== sorted[i - 1]!.keys[0]);
}

/** Sections told in prose (a news item): "Celem działań jest …", "Problemem … są …". */
function prose(text: string, span: Span): Map<SectionKey, Span[]> {
  const map = new Map<SectionKey, Span[]>();
  const cues: [SectionKey, RegExp][] = [
    [
      'threat',
      /(?<!\p{L})(?:problem\p{L}*|zagrożeni(?:e|em|a)(?:[\s,][^.\n]{0,80})?\s(?:jest|są|było|były|stanowi\p{L}*)|zdiagnozował\p{L}*|zidentyfikował\p{L}*|uciążliw\p{L}*\sdla\smieszkańców|dotyczy|obejmuje\sproblem|zajął\p{L}*\ssię)(?!\p{L})/iu,
    ],
    [
      'goal',
      /(?<!\p{L})(?:cel(?:em)?[\s,](?:[^.\n]{0,60}\s)?(?:jest|są|to|będzie)\s|za\scel\s|postawił\p{L}*\ssobie|ma\sna\scelu|celem)/iu,
    ],
    [
      'actions',
      /w\sramach\s(?:planu|działań|realizacji)|zaplanował\p{L}*|planuje|przeprowadz\p{L}*\s(?:spotka|kontrol|patrol)|będzie\s(?:prowadził|organizował|kontrolował)/iu,
    ],
    ['partners', /we\swspółpracy\sz|współpracuje\sz|przy\swspółpracy|wspólnie\sz/iu],
    ['communication', /stronie\sinternetowej|lokalnych\smediach|informacje\s(?:o\s)?(?:realizacji|przebiegu)/iu],
  ];
  // Greedy and never backtracking: a sentence is up to its end mark, a line end or 1200 characters.
  const re = /[^.!?\n]{1,1200}[.!?]?/gu;
  re.lastIndex = span.start;
  for (let m = re.exec(text); m && m.index < span.end; m = re.exec(text)) {
    const sentence = trimSpan(text, m.index, Math.min(span.end, m.index + m[0].length));
    if (!sentence) continue;
    const words = text.slice(sentence.start, sentence.end);
    for (const [key, cue] of cues) if (cue.test(words)) add(map, key, [sentence]);
  }
  return map;
}

function warn(warnings: Localized[], pl: string, en: string) {
  warnings.push({ pl, en });
}

/** One plan from its part of the document. */
export function readPart(part: Part): ParsedPlan {
  const { text, cased, span, shared, found } = part;
  const warnings: Localized[] = [];
  const spans: ParsedPlan['spans'] = {};
  const marks = dropRepeats(part.layout.marks);
  const headerEnd = marks[0]?.start ?? span.end;

  // The signature closes the plan: a last line that is a rank and a name.
  let end = span.end;
  let signature: string | null = null;
  const body = trimSpan(text, span.start, span.end);
  const lastLine = body ? trimSpan(text, Math.max(span.start, text.lastIndexOf('\n', body.end - 1) + 1), body.end) : null;
  if (lastLine && lastLine.end - lastLine.start <= 90 && lastLine.start > headerEnd) {
    const lead = lastLine.start + SIGNATURE_LEAD.exec(text.slice(lastLine.start, lastLine.end))![0].length;
    const officer = findOfficers(cased, lead, lastLine.end)[0];
    if (officer && /^[\s·•*-]*$/.test(text.slice(lead, officer.start)) && /^[\s.]*$/.test(text.slice(officer.end, lastLine.end))) {
      signature = text.slice(officer.start, officer.end).replace(/\s+/g, ' ');
      spans.signature = lastLine;
      end = lastLine.start;
    }
  }

  const districts = within(found.districts, span.start, headerEnd);
  const district =
    first(districts, (d) => d.strong) ??
    within(found.districts, span.start, end).find((d) => d.strong) ??
    (shared ? first(within(found.districts, shared.start, shared.end), (d) => d.strong) : undefined) ??
    within(found.districts, span.start, end)[0];
  if (district) spans.districtNumber = { start: district.start, end: district.end };
  else warn(warnings, 'Nie znaleziono numeru rejonu.', 'No district number was found.');

  const period = pickPeriod(
    within(found.periods, span.start, headerEnd),
    within(found.periods, span.start, end),
    shared ? within(found.periods, shared.start, shared.end) : [],
  );
  if (period) {
    spans.period = { start: period.start, end: period.end };
    if (!period.from || !period.to)
      warn(
        warnings,
        `Okres planu podaje tylko ${period.from ? 'początek' : 'koniec'}: uzupełnij ${period.from ? 'datę końca' : 'datę początku'}.`,
        `The plan's period gives only its ${period.from ? 'start' : 'end'}: add the ${period.from ? 'end' : 'start'} date.`,
      );
  } else warn(warnings, 'Nie znaleziono okresu planu („na okres od … do …”).', 'No plan period was found ("na okres od … do …").');

  const unit =
    within(found.units, span.start, end)[0] ??
    (shared ? within(found.units, shared.start, shared.end)[0] : undefined) ??
    within(found.units, span.end, text.length)[0];
  if (unit) spans.unit = { start: unit.start, end: unit.end };
  else warn(warnings, 'Nie znaleziono nazwy jednostki Policji.', 'No police unit name was found.');

  const officers = within(found.officers, span.start, span.end);
  const officer =
    (spans.signature ? officers.find((o) => o.start >= (spans.signature as Span).start) : undefined) ?? first(officers, (o) => o.strong);
  if (officer) spans.officer = { start: officer.start, end: officer.end };

  const titleLines = titleSpans(
    text,
    span.start,
    headerEnd,
    [district, period, unit].filter((s): s is NonNullable<typeof s> => s !== undefined && s !== null),
  );
  const sections = marks.length > 0 ? contents(part, end) : prose(text, { start: span.start, end });
  // A paragraph between the title and the first label ("Dzielnicowy … zdiagnozował problem …").
  if (marks.length > 0)
    for (const [key, told] of prose(text, { start: span.start, end: headerEnd })) if (!sections.has(key)) sections.set(key, told);
  const lines = (key: SectionKey) => linesOfSpans(text, sections.get(key) ?? []);
  sectionKeys.forEach((key) => {
    const content = sections.get(key);
    if (content?.length) spans[key] = content;
  });
  const year = period ? Number((period.from ?? period.to)!.slice(0, 4)) : undefined;
  const missing = (index: number) => {
    if (!sections.get(sectionKeys[index]!)?.length && !(index === 2 && part.layout.actionRows.length > 0))
      warn(
        warnings,
        `Brak sekcji ${index + 1} („${sectionNames[index]!.pl}”): pozostawiono ją pustą.`,
        `Section ${index + 1} ("${sectionNames[index]!.en}") is missing: it was left empty.`,
      );
  };

  missing(0);
  const threat = lines('threat')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  missing(1);
  const goal = lines('goal')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  const target = findTarget(goal);
  if (!target && looksMeasurable(goal))
    warn(
      warnings,
      'Cel podaje liczbę, której nie rozpoznano jako celu liczbowego: zapisano go jako tekst.',
      'The goal names a number that was not recognised as a target: it was kept as text.',
    );

  missing(2);
  const actions = splitItems(lines('actions')).items.map((item) => actionOf(item, year, warnings));
  for (const row of part.layout.actionRows.filter((r) => r.start >= span.start && r.end <= end)) {
    const description = collapse(text.slice(row.description.start, row.description.end));
    if (!description) continue;
    const action = actionOf(description, year, warnings, row.term ? text.slice(row.term.start, row.term.end) : undefined);
    const who = row.who ? collapse(text.slice(row.who.start, row.who.end)) : '';
    actions.push(who ? { ...action, who } : action);
    add(sections, 'actions', [row]);
  }
  if (part.layout.actionRows.length) spans.actions = sections.get('actions') ?? [];

  missing(3);
  const partnerItems = splitItems(lines('partners'));
  if (!partnerItems.bulleted && partnerItems.items.length > 0 && marks.length > 0) {
    warn(
      warnings,
      'Podmioty współpracujące nie są wypunktowane: zapisano je jako jedną pozycję.',
      'The partners are not listed item by item: they were kept as one entry.',
    );
  }
  const partners = (partnerItems.bulleted ? partnerItems.items : partnerItems.items.length ? [partnerItems.items.join(' ')] : []).map(
    splitPartner,
  );

  missing(4);
  const channelItems = splitItems(lines('communication'));
  const communication = (channelItems.bulleted ? channelItems.items : channelItems.items.flatMap(sentences))
    .map((c) => trimItem(c).replace(/\.$/, ''))
    .filter(Boolean);

  if (titleLines.length) spans.title = titleLines;
  const covered = [
    ...titleLines,
    ...marks.map((m) => ({ start: m.start, end: m.contentStart })),
    ...[...sections.values()].flat(),
    ...(spans.signature ? [spans.signature as Span] : []),
    ...(officer ? [officer] : []),
  ];

  return {
    unit: unit?.name ?? null,
    districtNumber: district?.number ?? null,
    period: period ? { from: period.from, to: period.to } : null,
    officer: officer ? { rank: officer.rank, name: officer.name } : null,
    threat: { description: threat },
    goal: { description: goal, target },
    actions,
    partners,
    communication,
    signature,
    warnings,
    spans,
    unrecognised: uncovered(text, span, covered),
  };
}

/** A range of dates in the header; else one said to be the plan's ("okres", "plan"); else the shared text's. */
function pickPeriod(header: PeriodFound[], body: PeriodFound[], shared: PeriodFound[]): PeriodFound | undefined {
  const complete = (p: PeriodFound) => p.from !== null && p.to !== null;
  return (
    header.find(complete) ??
    header[0] ??
    body.find((p) => p.context && complete(p)) ??
    shared.find(complete) ??
    body.find((p) => p.context) ??
    shared[0]
  );
}

/** Lines of the header that name the plan or hold one of its fields. */
function titleSpans(text: string, start: number, end: number, fields: Span[]): Span[] {
  const out: Span[] = [];
  let at = start;
  while (at < end) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const line = trimSpan(text, at, lineEnd);
    if (
      line &&
      ((line.end - line.start <= 300 && TITLE.test(text.slice(line.start, line.end))) ||
        fields.some((f) => f.start < line.end && f.end > line.start))
    )
      out.push(line);
    at = lineEnd + 1;
  }
  return out;
}

/** What no field took, as trimmed pieces between the covered spans (blank lines split pieces). */
function uncovered(text: string, span: Span, covered: Span[]): ParsedPlan['unrecognised'] {
  const sorted = covered.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start);
  const out: ParsedPlan['unrecognised'] = [];
  let at = span.start;
  const gap = (from: number, to: number) => {
    for (const piece of text.slice(from, to).split(/\n\s*\n/)) {
      const offset = text.indexOf(piece, from);
      const t = trimSpan(text, offset, offset + piece.length);
      if (t && /[\p{L}\d]/u.test(text.slice(t.start, t.end))) out.push({ text: text.slice(t.start, t.end), start: t.start, end: t.end });
      from = offset + piece.length;
    }
  };
  for (const c of sorted) {
    if (c.start > at) gap(at, Math.min(c.start, span.end));
    at = Math.max(at, c.end);
  }
  if (at < span.end) gap(at, span.end);
  return out;
}
