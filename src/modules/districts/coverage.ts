import type { Unit } from '../units/index.js';
import type { DistrictCard } from './locator/register.js';

/**
 * Who covers a district today (kto teraz zajmuje się rejonem): its own officer, a substitute
 * (the card already puts the substitute first, see assignments.ts `servingOn`), or, with neither,
 * the unit itself. Pages, the poster and the API say the same thing from this one answer, so none
 * of them promises that "the officer answers" when there is no officer.
 */
export type Coverage =
  | { by: 'officer' | 'substitute'; officer: { rank: string; name: string }; unit: UnitContactPoint }
  | { by: 'unit'; officer: null; unit: UnitContactPoint };

/** What a resident needs to reach the unit that covers a district. */
export interface UnitContactPoint {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
}

export function coverageOf(card: Pick<DistrictCard, 'officer'>, unit: Pick<Unit, 'id' | 'name' | 'phone' | 'email'>): Coverage {
  const point: UnitContactPoint = { id: unit.id, name: unit.name, phone: unit.phone, email: unit.email };
  if (!card.officer) return { by: 'unit', officer: null, unit: point };
  const officer = { rank: card.officer.rank, name: card.officer.name };
  return { by: card.officer.substitute ? 'substitute' : 'officer', officer, unit: point };
}
