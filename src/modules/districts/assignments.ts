export { isCalendarDay } from '../../platform/i18n/calendar.js';
import type { Assignment } from './model.js';

export function coversDay(assignment: Pick<Assignment, 'startsOn' | 'endsOn'>, day: string): boolean {
  return assignment.startsOn <= day && (assignment.endsOn === null || day <= assignment.endsOn);
}

/** Two periods of the same kind in the same district may not share a day. */
export function periodsOverlap(a: Pick<Assignment, 'startsOn' | 'endsOn'>, b: Pick<Assignment, 'startsOn' | 'endsOn'>): boolean {
  return (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);
}

export interface Serving {
  /** The district's own officer on that day, if any. */
  regular: Assignment | null;
  /** A substitute on that day, if any: they answer the district's phone. */
  substitute: Assignment | null;
}

/** Who serves a district on `day`; a substitute takes precedence as the one to contact. */
export function servingOn(assignments: readonly Assignment[], day: string): Serving {
  return {
    regular: assignments.find((a) => a.kind === 'regular' && coversDay(a, day)) ?? null,
    substitute: assignments.find((a) => a.kind === 'substitute' && coversDay(a, day)) ?? null,
  };
}

/** The day before a calendar day ("2026-03-01" → "2026-02-28"). */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
