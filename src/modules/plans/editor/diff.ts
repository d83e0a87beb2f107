/** Word-level differences between two texts, for the reviewer's view of what changed between versions (see version-changes.ts). */
export type Segment = { kind: 'same' | 'added' | 'removed'; text: string };

const MAX_WORDS = 3000;

export function diffWords(before: string, after: string): Segment[] {
  const a = before.split(/(\s+)/).filter((w) => w !== '');
  const b = after.split(/(\s+)/).filter((w) => w !== '');
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    return before === after
      ? [{ kind: 'same', text: after }]
      : [
          { kind: 'removed', text: before },
          { kind: 'added', text: after },
        ];
  }
  // Longest common subsequence table, from the end.
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i] === b[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const segments: Segment[] = [];
  const push = (kind: Segment['kind'], text: string) => {
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!)) {
      // Removed words first, then the words that replace them: "30 → 20" reads as a correction.
      push('removed', a[i]!);
      i++;
    } else {
      push('added', b[j]!);
      j++;
    }
  }
  return tidy(segments);
}

/**
 * One correction, one pair: changes separated only by spaces ("Spotkania" → "Trzy spotkania", where
 * the space between them happens to match) become one removed run followed by one added run. Each
 * text is still rebuilt exactly: the spaces go into both runs.
 */
function tidy(segments: Segment[]): Segment[] {
  const isBlank = (s: Segment | undefined) => s !== undefined && s.kind === 'same' && s.text.trim() === '';
  const out: Segment[] = [];
  let i = 0;
  while (i < segments.length) {
    if (segments[i]!.kind === 'same') {
      out.push(segments[i]!);
      i++;
      continue;
    }
    let removed = '';
    let added = '';
    while (i < segments.length) {
      const s = segments[i]!;
      if (s.kind === 'removed') removed += s.text;
      else if (s.kind === 'added') added += s.text;
      else if (isBlank(s) && segments[i + 1] && segments[i + 1]!.kind !== 'same') {
        removed += s.text;
        added += s.text;
      } else break;
      i++;
    }
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
  }
  return out;
}

export function hasChanges(segments: Segment[]): boolean {
  return segments.some((s) => s.kind !== 'same');
}
