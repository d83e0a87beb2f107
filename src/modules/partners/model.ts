import type { PartnerDetails } from './rules/contact.js';
import type { PartnerKind } from './rules/kinds.js';
import type { PartnerRow } from './repository.js';

/** A partner organisation of a unit's registry (podmiot współpracujący), as the module hands it out. */
export interface Partner {
  id: string;
  unitId: string;
  name: string;
  kind: PartnerKind;
  /** Staff only: never shown on a public page. */
  contact: { person: string | null; phone: string | null; email: string | null; address: string | null };
  note: string | null;
  archived: boolean;
  updatedAt: Date;
}

export function partnerOf(row: PartnerRow): Partner {
  return {
    id: row.id,
    unitId: row.unit_id,
    name: row.name,
    kind: row.kind as PartnerKind,
    contact: { person: row.contact_person, phone: row.phone, email: row.email, address: row.address },
    note: row.note,
    archived: row.archived_at !== null,
    updatedAt: row.updated_at,
  };
}

/** A partner's details as a form and the use cases take them: every text, empty when not given. */
export function detailsOf(p: Partner): PartnerDetails & { kind: PartnerKind } {
  return {
    name: p.name,
    kind: p.kind,
    contactPerson: p.contact.person ?? '',
    phone: p.contact.phone ?? '',
    email: p.contact.email ?? '',
    address: p.contact.address ?? '',
    note: p.note ?? '',
  };
}

/** A plan the partner takes part in, with its tasks there (a plan may name it more than once). */
export interface PartnerPlan {
  planId: string;
  districtId: string;
  districtNumber: number;
  districtName: string;
  periodFrom: string;
  periodTo: string;
  status: string;
  tasks: string[];
}

/** A plan's partner entry, as plans/model.ts keeps it: the name and tasks stay in the plan. */
export interface PlanPartnerEntry {
  partnerId?: string | undefined;
  name: string;
  tasks: string;
  /**
   * The officer's answer to "did you mean…?": not one of the registry's near names, a new
   * organisation to add. Read when the plan is saved, never kept in it.
   */
  newPartner?: boolean | undefined;
}
