import type { Role } from './principal.js';

/**
 * Who may do what (kto może co): the one answer for every route, page and use case.
 *
 * Each action names the roles that may do it at all and, where the answer depends on the thing
 * acted on, how the person must stand to it: its district served today (as its officer or the
 * day's substitute) and/or its unit within the person's unit. The facts are plain data, read by
 * modules/access/facts.ts; nothing here touches the database.
 *
 * Two definitions hold for plans and reports alike:
 * - staff of a unit (read what is not public, start plans, delete new drafts): any role above the
 *   district officer, administrators included, whose unit is the thing's unit or above it;
 * - a reviewer (przełożony: kierownik dzielnicowych, komendant) approves, reopens and assigns:
 *   a supervisor or commander of the unit. Administrators keep the register, accounts and
 *   settings, and do not decide on plans or reports.
 */

/** Every signed-in role. */
export const staffRoles: readonly Role[] = ['admin', 'commander', 'supervisor', 'officer'];
/** Roles above the district officer, who see all of their unit's work. */
export const unitStaffRoles: readonly Role[] = ['admin', 'commander', 'supervisor'];
/** Supervisors (kierownik dzielnicowych) and commanders (komendant): they review and decide. */
export const reviewerRoles: readonly Role[] = ['commander', 'supervisor'];
/** The register of units, districts and officers is kept by administrators and commanders. */
export const registerRoles: readonly Role[] = ['admin', 'commander'];
/** Supervisors also arrange who covers which district (assignments, substitutes). */
export const assignmentRoles: readonly Role[] = ['admin', 'commander', 'supervisor'];
export const adminRoles: readonly Role[] = ['admin'];

/** Whether the role sees all of its unit's work (queues of the unit), not only the districts it serves. */
export function seesWholeUnit(role: Role): boolean {
  return unitStaffRoles.includes(role);
}

/** The person asking, as facts. */
export interface Subject {
  role: Role;
  unitId: string;
  /** The person's unit is a top-level unit (KGP): its administrator sets rules for the whole country. */
  unitIsTop: boolean;
  /** Districts the person serves today: as their officer or as the day's substitute. */
  servedDistricts: readonly string[];
}

/** The thing acted on, as facts. */
export interface Resource {
  /** The thing's unit and the units above it, top first (units/repository.ts `unitAncestry`). */
  unitAncestry: readonly string[];
  /** The thing's district, if it has one. */
  districtId?: string | null | undefined;
}

type Where = (s: Subject, r: Resource) => boolean;

interface Rule {
  /** Roles that may do it at all (the route's check, before anything is read). */
  roles: readonly Role[];
  /** A fact about the person alone that must hold as well. */
  subject?: (s: Subject) => boolean;
  /** How the person must stand to the thing; absent when the role alone decides. */
  where?: Where;
}

/** Each role is scoped to the person's unit and the units below it: `ancestry` runs from the top unit down to the thing's unit. */
export function isInScope(scopeUnitId: string, ancestry: readonly string[]): boolean {
  return ancestry.includes(scopeUnitId);
}

const inUnit: Where = (s, r) => isInScope(s.unitId, r.unitAncestry);
/** The person serves the thing's district today (its officer or the day's substitute). */
export const servesDistrict: Where = (s, r) => r.districtId != null && s.servedDistricts.includes(r.districtId);
const serves = servesDistrict;
const staffOfUnit: Where = (s, r) => unitStaffRoles.includes(s.role) && inUnit(s, r);
const reviewerOfUnit: Where = (s, r) => reviewerRoles.includes(s.role) && inUnit(s, r);

const table = {
  // One's own account, the staff start page, the queues (they list only what the person may see).
  'staff.area': { roles: staffRoles },

  // A working (not published) plan is read by its district's officer and by staff of its unit.
  'plan.read_working': { roles: staffRoles, where: (s, r) => serves(s, r) || staffOfUnit(s, r) },
  // A draft is started by the district's officer, or prepared (imported) by staff of its unit.
  'plan.start': { roles: staffRoles, where: (s, r) => serves(s, r) || staffOfUnit(s, r) },
  // Only the district's officer writes the plan, submits it and starts a new version.
  'plan.edit': { roles: staffRoles, where: serves },
  // A draft never submitted is thrown away by its author or by staff of the unit.
  'plan.delete_draft': { roles: staffRoles, where: (s, r) => serves(s, r) || staffOfUnit(s, r) },
  // Approve, return, publish, evaluate and close (workflow.ts): a reviewer of the plan's unit.
  'plan.review': { roles: reviewerRoles, where: reviewerOfUnit },
  // A past plan imported as closed skips approval, so it takes those who approve.
  'plan.import_archived': { roles: reviewerRoles, where: reviewerOfUnit },
  // The action log of a carried-out plan: written by those serving its district (officer or the
  // day's substitute), read by them and by a reviewer of the unit; administrators do not see it.
  'plan.log_action': { roles: staffRoles, where: serves },
  'plan.read_log': { roles: staffRoles, where: (s, r) => serves(s, r) || reviewerOfUnit(s, r) },

  // A report in full (with the reporter's contact and the history): its district's officer and staff of its unit.
  'report.read_staff': { roles: staffRoles, where: (s, r) => serves(s, r) || staffOfUnit(s, r) },
  // Ordinary work on a report (status, a held report's review): its district's officer or a reviewer.
  'report.verify': { roles: staffRoles, where: (s, r) => serves(s, r) || reviewerOfUnit(s, r) },
  // Reopening undoes a published decision; giving a report to a district, and changing many at
  // once, are a supervisor's calls.
  'report.supervise': { roles: reviewerRoles, where: reviewerOfUnit },
  // The catalogue of threat categories is one for the country; any administrator keeps it.
  'report.categories': { roles: adminRoles },
  // The flood limits are read by those above the officers; changed only nationally (settings.national).
  'report.flood_settings': { roles: unitStaffRoles },

  // The dashboard (tablica przełożonego): a reviewer of the unit sees all its districts, an officer the ones they serve.
  'dashboard.read': { roles: ['commander', 'supervisor', 'officer'], where: (s, r) => serves(s, r) || reviewerOfUnit(s, r) },
  // Meetings and debates with residents: the officer for their own districts, a supervisor or
  // commander for the unit's (administrators keep the register, not the unit's events).
  'meeting.manage': { roles: ['commander', 'supervisor', 'officer'], where: (s, r) => serves(s, r) || reviewerOfUnit(s, r) },

  // The partner registry (podmioty współpracujące): read by all staff of the unit (and above it);
  // kept by those who write and review its plans, district officers included (they meet the
  // partners and add them while writing a plan). The contact details are never public.
  'partner.read': { roles: staffRoles, where: inUnit },
  'partner.manage': { roles: ['commander', 'supervisor', 'officer'], where: inUnit },

  // Units, districts and officers of one's unit and below (the register is public; changing is not).
  // Indicator data (counts imported from CSV) feed the evaluation of the unit's plans, so they are
  // imported by a reviewer of the unit, not by an officer whose own plan they would judge.
  'indicator.import': { roles: reviewerRoles, where: reviewerOfUnit },
  // The unit's imported categories and counts: its staff above the officer, as its other records.
  'indicator.read': { roles: unitStaffRoles, where: staffOfUnit },
  'register.edit': { roles: registerRoles, where: inUnit },
  // The register's staff pages (lists of districts and officers with their work).
  'register.read_staff': { roles: assignmentRoles, where: inUnit },
  // Adding, moving and retiring units changes the tree itself: administrators only.
  'unit.manage': { roles: adminRoles, where: inUnit },
  // Who covers which district, and substitutes.
  'officer.assign': { roles: assignmentRoles, where: inUnit },
  // Accounts of one's unit and below.
  'account.manage': { roles: adminRoles, where: inUnit },
  'audit.read': { roles: adminRoles },
  // Rules for the whole country (retention times, flood limits): an administrator of the top unit.
  'settings.national': { roles: adminRoles, subject: (s) => s.unitIsTop },
  // The settings page and API: every administrator sees the values in force. Who changes which is
  // asked with the scope: national values (settings.national), a voivodeship's (settings.voivodeship).
  'settings.manage': { roles: adminRoles },
  // A voivodeship's tightening of a setting for its units (the resource is the KWP/KSP itself): its
  // administrators, and national ones above it; not those of a city command below it.
  'settings.voivodeship': { roles: adminRoles, where: inUnit },
} satisfies Record<string, Rule>;

export type Action = keyof typeof table;
export const actions = Object.keys(table) as Action[];
const rules: Record<Action, Rule> = table;

/** Whether a value names an action; the table's own keys only. */
export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(table, value);
}

/** Whether the role may do `action` to anything at all: the check a route makes before reading. */
export function roleMay(role: Role, action: Action): boolean {
  return rules[action].roles.includes(role);
}

/**
 * Whether the person may do `action` to anything at all: the role, and what the rule asks of the
 * person alone (a national setting takes an administrator of the top unit). What a page offers
 * (a link, a card) asks this, so nobody is shown a way to a 403; the thing, where the action
 * depends on one, is asked when it is opened.
 */
export function subjectMay(subject: Subject, action: Action): boolean {
  const rule = rules[action];
  return rule.roles.includes(subject.role) && (!rule.subject || rule.subject(subject));
}

/** Whether the action depends on the thing acted on (so a route must load its facts). */
export function dependsOnResource(action: Action): boolean {
  return rules[action].where !== undefined;
}

/** May this person (null: nobody signed in) do `action` to this thing? */
export function can(subject: Subject | null, action: Action, resource: Resource): boolean {
  if (!subject) return false;
  const rule = rules[action];
  if (!rule.roles.includes(subject.role)) return false;
  if (rule.subject && !rule.subject(subject)) return false;
  return rule.where ? rule.where(subject, resource) : true;
}
