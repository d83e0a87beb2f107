import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import type { Localized } from '../../platform/i18n/i18n.js';
import { isAllowed, unitAncestry } from '../access/index.js';
import { detailsOf, partnerOf, type Partner } from './model.js';
import { activePartnersOf, findPartner, insertPartner, partnerNamed, unitName, updatePartner } from './repository.js';
import { cleanDetails, detailsProblems, type PartnerDetails } from './rules/contact.js';
import type { PartnerKind } from './rules/kinds.js';
import { nearDuplicates } from './rules/names.js';

/**
 * Adding, changing and archiving a unit's partners: each in one audited transaction, by staff of
 * the unit (policy `partner.manage`). A name already in the registry (the unit's or a unit above
 * it) is refused with the entry to use; a near one ("UG Lubartów" for "Urząd Gminy Lubartów") is
 * offered instead until the person confirms it is a new organisation. Partners are archived, never
 * deleted: plans name them.
 */

export const partnerErrors = {
  notFound: (): AppError => new AppError(404, 'partner_not_found', { pl: 'Nie ma takiego podmiotu.', en: 'No such partner.' }),
  unitNotFound: (): AppError => new AppError(404, 'unit_not_found', { pl: 'Nie ma takiej jednostki.', en: 'No such unit.' }),
  forbidden: (): Localized => ({
    pl: 'Rejestr podmiotów współpracujących prowadzą policjanci jednostki.',
    en: "A unit's partner registry is kept by its staff.",
  }),
};

export interface PartnerInput extends PartnerDetails {
  kind: PartnerKind;
}

const columnsOf = (d: PartnerInput) => ({
  name: d.name,
  kind: d.kind,
  contact_person: d.contactPerson || null,
  phone: d.phone || null,
  email: d.email || null,
  address: d.address || null,
  note: d.note || null,
});

function checked(input: PartnerInput): PartnerInput {
  const clean = { ...cleanDetails(input), kind: input.kind };
  const [problem] = detailsProblems(clean);
  if (problem) throw new AppError(400, 'invalid_partner', problem.message, { field: problem.field });
  return clean;
}

const exists = (found: { id: string; name: string }) =>
  new AppError(
    409,
    'partner_exists',
    { pl: `Ten podmiot jest już w rejestrze: „${found.name}”.`, en: `This organisation is already in the registry: “${found.name}”.` },
    { field: 'name', partnerId: found.id, name: found.name },
  );

async function assertMayManage(trx: Trx, principal: Principal, unitId: string): Promise<void> {
  if (!(await isAllowed(trx, principal, 'partner.manage', { unitId }))) throw httpErrors.forbidden(partnerErrors.forbidden());
}

async function reload(db: Db | Trx, id: string): Promise<Partner> {
  const row = await findPartner(db, id);
  if (!row) throw partnerErrors.notFound();
  return partnerOf(row);
}

/** A new entry of a unit's registry; `principal` null is the system (demo data). */
export async function createPartner(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  unitId: string,
  input: PartnerInput & { confirmNew?: boolean | undefined },
): Promise<Partner> {
  return inTransaction(db, actor, async (trx) => {
    if (!(await unitName(trx, unitId))) throw partnerErrors.unitNotFound();
    if (principal) await assertMayManage(trx, principal, unitId);
    const clean = checked(input);
    const units = await unitAncestry(trx, unitId);
    const same = await partnerNamed(trx, units, clean.name);
    if (same) throw exists(same);
    const near = nearDuplicates(clean.name, await activePartnersOf(trx, units));
    if (near.length > 0 && !input.confirmNew)
      throw new AppError(
        409,
        'partner_similar',
        {
          pl: 'W rejestrze są podobne nazwy. Wybierz istniejący podmiot albo potwierdź, że to nowy.',
          en: 'The registry has similar names. Choose an existing partner or confirm this is a new one.',
        },
        { field: 'name', suggestions: near.slice(0, 5).map(({ candidate }) => ({ id: candidate.id, name: candidate.name })) },
      );
    const id = await insertPartner(trx, { unit_id: unitId, ...columnsOf(clean) });
    if (!id) throw exists((await partnerNamed(trx, units, clean.name))!);
    return reload(trx, id);
  });
}

/** Changes any details; `archived` archives (no longer offered in the editor) or restores. */
export async function changePartner(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  change: Partial<PartnerInput> & { archived?: boolean | undefined },
): Promise<Partner> {
  return inTransaction(db, actor, async (trx) => {
    const row = await findPartner(trx, id);
    if (!row) throw partnerErrors.notFound();
    await assertMayManage(trx, principal, row.unit_id);
    const current = partnerOf(row);
    const { archived, ...details } = change;
    const clean = checked({
      ...detailsOf(current),
      ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)),
    });
    const same = await partnerNamed(trx, await unitAncestry(trx, row.unit_id), clean.name);
    if (same && same.id !== id) throw exists(same);
    const archivedAt = archived === undefined ? {} : { archived_at: archived ? (row.archived_at ?? new Date()) : null };
    await updatePartner(trx, id, { ...columnsOf(clean), ...archivedAt });
    return reload(trx, id);
  });
}
