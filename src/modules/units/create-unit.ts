import { AppError } from '../../platform/http/errors.js';
import type { Trx } from '../../platform/audit/actor.js';
import { canBeChildOf, emptyContact, isUnitKind, slugify, unitKinds, type Unit, type UnitContact } from './model.js';
import { findUnit, insertUnit } from './repository.js';

export interface CreateUnitInput extends Partial<UnitContact> {
  id?: string | undefined;
  parentId: string | null;
  kind: string;
  name: string;
}

export const unitErrors = {
  notFound: () => new AppError(404, 'unit_not_found', { pl: 'Nie ma takiej jednostki.', en: 'No such unit.' }),
  parentNotFound: (id: string) =>
    new AppError(422, 'unit_not_found', { pl: `Nie ma jednostki nadrzędnej „${id}”.`, en: `There is no parent unit "${id}".` }),
  hierarchy: (kind: string, parentKind: string | null) =>
    new AppError(422, 'unit_hierarchy', {
      pl: `Jednostka rodzaju ${kind} nie może podlegać ${parentKind ? `jednostce rodzaju ${parentKind}` : 'bezpośrednio najwyższemu poziomowi'}.`,
      en: `A ${kind} unit cannot be placed ${parentKind ? `under a ${parentKind} unit` : 'at the top level'}.`,
    }),
};

/** Adds a unit under its parent, checking the kind fits the hierarchy. Authorisation is the caller's. */
export async function createUnit(trx: Trx, input: CreateUnitInput): Promise<Unit> {
  const name = input.name.trim();
  const id = input.id?.trim() || slugify(name);
  if (!isUnitKind(input.kind)) {
    throw new AppError(400, 'invalid_unit_kind', {
      pl: `Nieznany rodzaj jednostki „${input.kind}”. Dozwolone: ${unitKinds.join(', ')}.`,
      en: `Unknown unit kind "${input.kind}". Allowed: ${unitKinds.join(', ')}.`,
    });
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length > 60) {
    throw new AppError(400, 'invalid_unit_id', {
      pl: `Identyfikator „${id}” może zawierać tylko małe litery, cyfry i łączniki (do 60 znaków).`,
      en: `The id "${id}" may contain only lower-case letters, digits and hyphens (up to 60 characters).`,
    });
  }
  if (name.length < 3 || name.length > 200) {
    throw new AppError(400, 'invalid_unit_name', {
      pl: 'Nazwa jednostki musi mieć od 3 do 200 znaków.',
      en: 'A unit name must have 3 to 200 characters.',
    });
  }
  const parent = input.parentId ? await findUnit(trx, input.parentId) : undefined;
  if (input.parentId && (!parent || parent.retiredAt)) throw unitErrors.parentNotFound(input.parentId);
  if (!canBeChildOf(input.kind, parent ? parent.kind : null)) throw unitErrors.hierarchy(input.kind, parent?.kind ?? null);
  if (await findUnit(trx, id)) {
    throw new AppError(
      409,
      'unit_exists',
      {
        pl: `Jednostka o identyfikatorze „${id}” już istnieje.`,
        en: `A unit with the id "${id}" already exists.`,
      },
      { field: 'id' },
    );
  }
  const contact: UnitContact = { ...emptyContact };
  for (const key of Object.keys(emptyContact) as (keyof UnitContact)[]) {
    if (input[key] !== undefined) (contact as unknown as Record<string, unknown>)[key] = input[key];
  }
  await insertUnit(trx, { id, parentId: parent?.id ?? null, kind: input.kind, name, ...contact });
  return { id, parentId: parent?.id ?? null, kind: input.kind, name, retiredAt: null, ...contact };
}
