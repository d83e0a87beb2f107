/**
 * Police unit (jednostka Policji). The hierarchy: KGP (national HQ) › KWP / KSP (voivodeship,
 * Warsaw metropolitan) › KMP / KPP / KRP (city, county, Warsaw district) › KP / PP (station, post).
 */
export const unitKinds = ['KGP', 'KWP', 'KSP', 'KMP', 'KPP', 'KRP', 'KP', 'PP'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Public contact details of a unit: what a resident needs to reach it. */
export interface UnitContact {
  street: string | null;
  postalCode: string | null;
  locality: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  openingHours: string | null;
  location: { lat: number; lon: number } | null;
}

export const emptyContact: UnitContact = {
  street: null,
  postalCode: null,
  locality: null,
  phone: null,
  email: null,
  website: null,
  openingHours: null,
  location: null,
};

export interface Unit extends UnitContact {
  id: string; // readable, globally unique, e.g. "kpp-lubartow"
  parentId: string | null;
  kind: UnitKind;
  name: string;
  retiredAt: Date | null;
}

const allowedParents: Record<UnitKind, readonly (UnitKind | null)[]> = {
  KGP: [null],
  KWP: ['KGP'],
  KSP: ['KGP'],
  KMP: ['KWP'],
  KPP: ['KWP'],
  KRP: ['KSP'],
  KP: ['KMP', 'KPP', 'KRP', 'KSP'],
  PP: ['KMP', 'KPP', 'KRP'],
};

/** Whether a unit of `kind` may sit directly below a unit of `parentKind` (null: at the top). */
export function canBeChildOf(kind: UnitKind, parentKind: UnitKind | null): boolean {
  return allowedParents[kind].includes(parentKind);
}

export function isUnitKind(value: unknown): value is UnitKind {
  return typeof value === 'string' && (unitKinds as readonly string[]).includes(value);
}

const polishLetters: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };

/** A readable id from a name: "KPP Łęczna" → "kpp-leczna". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ąćęłńóśźż]/g, (letter) => polishLetters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** Orders units as a tree (parents before children, siblings by Polish collation) with depths. */
export function asTree<T extends { id: string; parentId: string | null; name: string }>(units: readonly T[]): { unit: T; depth: number }[] {
  const collator = new Intl.Collator('pl');
  const children = new Map<string | null, T[]>();
  const ids = new Set(units.map((unit) => unit.id));
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const result: { unit: T; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const unit of (children.get(parent) ?? []).sort((a, b) => collator.compare(a.name, b.name))) {
      result.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}
