import type { Trx } from '../../platform/audit/actor.js';
import { unitAncestry } from '../access/index.js';
import type { PlanPartnerEntry } from './model.js';
import { activePartnersOf, findPartner, insertPartner, partnerNamed, type PartnerRow } from './repository.js';
import { nameMax } from './rules/contact.js';
import { guessKind } from './rules/kinds.js';
import { nearDuplicates } from './rules/names.js';

/**
 * A plan's partner entries linked to the registry, as the plan is saved (plans/manage-plans.ts).
 * The entry keeps the name as the plan writes it (a published version never changes when the
 * registry renames a partner); `partnerId` says which registry entry it is:
 * - the entry's own link while its name is the one the plan had for it, or near the partner's name;
 * - else the partner of the plan's unit (or a unit above it) with the same name, or the same name
 *   once abbreviations are written out ("UG Lubartów" → "Urząd Gminy Lubartów");
 * - else, when the registry has near names ("UG w Lubartowie" beside "Urząd Gminy Lubartów"), no
 *   link yet: the editor asks the officer which one it is, or whether it is a new organisation
 *   (`newPartner`), rather than the registry growing a near duplicate;
 * - else a new registry entry of the plan's unit, its type guessed from the name (the officer adds
 *   partners while writing the plan; staff complete the contact later).
 * An entry without a name stays as it is (the plan's completeness rules ask for one).
 */
export async function linkPlanPartners(
  trx: Trx,
  unitId: string,
  entries: readonly PlanPartnerEntry[],
  before: readonly PlanPartnerEntry[] = [],
): Promise<PlanPartnerEntry[]> {
  const units = await unitAncestry(trx, unitId);
  let active: PartnerRow[] | undefined;
  const linked: PlanPartnerEntry[] = [];
  for (const entry of entries) {
    const name = entry.name.trim();
    const plain = { name: entry.name, tasks: entry.tasks };
    if (!name || name.length > nameMax) {
      linked.push(plain);
      continue;
    }
    const own = entry.partnerId ? await findPartner(trx, entry.partnerId) : undefined;
    const keeps =
      own &&
      units.includes(own.unit_id) &&
      (before.some((b) => b.partnerId === own.id && b.name.trim() === name) || nearDuplicates(name, [own]).length > 0);
    let partnerId = keeps ? own.id : (await partnerNamed(trx, units, name))?.id;
    if (!partnerId) {
      active ??= await activePartnersOf(trx, units);
      const near = nearDuplicates(name, active);
      partnerId = near.find((match) => match.same)?.candidate.id;
      if (!partnerId && near.length > 0 && !entry.newPartner) {
        linked.push(plain);
        continue;
      }
    }
    if (!partnerId) {
      partnerId =
        (await insertPartner(trx, {
          unit_id: unitId,
          name,
          kind: guessKind(name),
          contact_person: null,
          phone: null,
          email: null,
          address: null,
          note: null,
        })) ?? (await partnerNamed(trx, units, name))!.id;
      active = undefined;
    }
    linked.push({ ...plain, partnerId });
  }
  return linked;
}
