import type { Localized } from '../../platform/i18n/i18n.js';

/**
 * An officer's rank and names as the database keeps them (migration 0002): text once trimmed, the
 * rank up to 60 characters and each name up to 80. One rule for every way in: the API, the form
 * and the import of a unit's register.
 */
export const officerTextLimits = { rank: 60, firstName: 80, lastName: 80 } as const;
export type OfficerTextField = keyof typeof officerTextLimits;

const labels: Record<OfficerTextField, Localized> = {
  rank: { pl: 'Stopień', en: 'Rank' },
  firstName: { pl: 'Imię', en: 'First name' },
  lastName: { pl: 'Nazwisko', en: 'Last name' },
};

/** The first of the given fields that is empty once trimmed, or too long, with why; null when all fit. */
export function officerTextProblem(input: Partial<Record<OfficerTextField, string>>): { field: OfficerTextField; text: Localized } | null {
  for (const field of Object.keys(officerTextLimits) as OfficerTextField[]) {
    const value = input[field];
    if (value === undefined) continue;
    const length = value.trim().length;
    const max = officerTextLimits[field];
    if (length >= 1 && length <= max) continue;
    const label = labels[field];
    return {
      field,
      text: {
        pl: `Pole „${label.pl}” musi mieć od 1 do ${max} znaków, nie same spacje.`,
        en: `The field "${label.en}" must have 1 to ${max} characters, not only spaces.`,
      },
    };
  }
  return null;
}
