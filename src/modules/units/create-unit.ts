import { AppError } from '../../platform/http/errors.js';
import type { Trx } from '../../platform/audit/actor.js';
import { canBeChildOf, isUnitKind, slugify, unitKinds, type Unit } from './model.js';
import { findUnit, insertUnit } from './repository.js';

export interface CreateUnitInput {
  id?: string | undefined;
  parentId: string | null;
  kind: string;
  name: string;
}

/** Adds a unit under its parent, checking the kind fits the hierarchy. */
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
  if (input.parentId && !parent) {
    throw new AppError(404, 'unit_not_found', {
      pl: `Nie ma jednostki nadrzędnej „${input.parentId}”.`,
      en: `There is no parent unit "${input.parentId}".`,
    });
  }
  if (!canBeChildOf(input.kind, parent ? parent.kind : null)) {
    throw new AppError(422, 'unit_hierarchy', {
      pl: `Jednostka rodzaju ${input.kind} nie może podlegać ${parent ? `jednostce rodzaju ${parent.kind}` : 'bezpośrednio najwyższemu poziomowi'}.`,
      en: `A ${input.kind} unit cannot be placed ${parent ? `under a ${parent.kind} unit` : 'at the top level'}.`,
    });
  }
  if (await findUnit(trx, id)) {
    throw new AppError(409, 'unit_exists', {
      pl: `Jednostka o identyfikatorze „${id}” już istnieje.`,
      en: `A unit with the id "${id}" already exists.`,
    });
  }
  await insertUnit(trx, { id, parentId: parent?.id ?? null, kind: input.kind, name });
  return { id, parentId: parent?.id ?? null, kind: input.kind, name, retiredAt: null };
}
