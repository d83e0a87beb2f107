import type { ChangeBus } from '../../../platform/events/changes.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/audit/actor.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/http/errors.js';
import { districtId } from '../../districts/index.js';
import { findUnitIdByName } from '../../units/index.js';
import { createPlan } from '../manage-plans.js';
import type { Plan, PlanContent, PlanStatus } from '../model.js';
import { guessCategory, guessSources } from './categorise.js';
import { NotAPlanError, parsePlan, sectionNames, type ParsedPlan } from './parse-plan.js';

/** The error for a text with no sign of a plan (no title, period, district or section label): 422. */
export function notAPlan(sections: number[]): AppError {
  const missing = sections.map((n) => `${n}. ${sectionNames[n - 1]!.pl}`).join('; ');
  const missingEn = sections.map((n) => `${n}. ${sectionNames[n - 1]!.en}`).join('; ');
  return new AppError(
    422,
    'not_a_plan',
    {
      pl: `To nie wygląda na plan działania priorytetowego: nie znaleziono tytułu planu, rejonu, okresu ani żadnej sekcji (${missing}).`,
      en: `This does not look like a priority action plan: no plan title, district, period or section was found (${missingEn}).`,
    },
    { missingSections: sections },
  );
}

/** 422 `period_unknown`: the document gives no period, so the plan cannot be saved. */
export function periodUnknown(): AppError {
  return new AppError(422, 'period_unknown', {
    pl: 'Dokument nie podaje okresu planu („na okres od … do …”); uzupełnij go i spróbuj ponownie.',
    en: 'The document gives no plan period ("na okres od … do …"); add it and try again.',
  });
}

/** Parses trusted text on the calling thread (the demo data); uploads go through plan-reader.ts. */
export function parseDocument(text: string): ParsedPlan {
  try {
    return parsePlan(text);
  } catch (error) {
    if (error instanceof NotAPlanError) throw notAPlan(error.missing);
    throw error;
  }
}

/** The parsed document as the plan's five structured sections. */
export function contentFromParsed(parsed: ParsedPlan): PlanContent {
  return {
    threat: {
      category: guessCategory(`${parsed.threat.description}\n${parsed.goal.description}`),
      places: '',
      description: parsed.threat.description,
      sources: guessSources(parsed.threat.description),
    },
    goal: { description: parsed.goal.description, indicator: null, baseline: null, target: parsed.goal.target },
    actions: parsed.actions.map((a) => ({ description: a.description, from: a.from, to: a.to, who: a.who ?? '', status: 'planned' })),
    partners: parsed.partners,
    communication: parsed.communication,
    signature: parsed.signature,
  };
}

/** The district a document names: by the unit's name and the district number, unless given. */
export async function districtOfDocument(db: Db, parsed: ParsedPlan, given?: string): Promise<string> {
  if (given) return given;
  if (parsed.unit && parsed.districtNumber) {
    const unitId = await findUnitIdByName(db, parsed.unit);
    if (unitId) return districtId(unitId, parsed.districtNumber);
  }
  throw new AppError(422, 'district_unknown', {
    pl: 'Nie udało się ustalić rejonu z dokumentu: wskaż rejon (districtId).',
    en: 'The district could not be determined from the document: give the district (districtId).',
  });
}

/** Saves a read plan document as a draft of its district (or with `status` for demo imports). */
export async function importPlanDocument(
  db: Db,
  changes: ChangeBus,
  principal: Principal | null,
  actor: Actor,
  parsed: ParsedPlan,
  options: { districtId?: string | undefined; status?: PlanStatus } = {},
): Promise<{ plan: Plan; parsed: ParsedPlan }> {
  const period = parsed.period;
  if (!period?.from || !period.to) throw periodUnknown();
  const target = await districtOfDocument(db, parsed, options.districtId);
  const plan = await createPlan(
    db,
    changes,
    principal,
    actor,
    { districtId: target, periodFrom: period.from, periodTo: period.to, content: contentFromParsed(parsed) },
    options.status,
  );
  return { plan, parsed };
}
