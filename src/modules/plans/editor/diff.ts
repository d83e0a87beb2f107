/** Word-level differences between two texts, for the reviewer's view of what changed between versions. */
export type Segment = { kind: 'same' | 'added' | 'removed'; text: string };

const MAX_WORDS = 3000;

export function diffWords(before: string, after: string): Segment[] {
  const a = before.split(/(\s+)/).filter((w) => w !== '');
  const b = after.split(/(\s+)/).filter((w) => w !== '');
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    return before === after ? [{ kind: 'same', text: after }] : [{ kind: 'removed', text: before }, { kind: 'added', text: after }];
  }
  // Longest common subsequence table, from the end.
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] = a[i] === b[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
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
    } else if (j < b.length && (i >= a.length || table[i * cols + j + 1]! >= table[(i + 1) * cols + j]!)) {
      push('added', b[j]!);
      j++;
    } else {
      push('removed', a[i]!);
      i++;
    }
  }
  return segments;
}

export function hasChanges(segments: Segment[]): boolean {
  return segments.some((s) => s.kind !== 'same');
}
