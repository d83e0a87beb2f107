import { describe, expect, it } from 'vitest';
import { isListedPublicly, reviewActions, reviewMove, reviewProblem, statusChangeHoldProblem, type Hold } from './floods.js';
import { isClosed, type Standing } from './status.js';

const officer: Standing = { isDistrictOfficer: true, isSupervisor: false };
const supervisor: Standing = { isDistrictOfficer: false, isSupervisor: true };
const nobody: Standing = { isDistrictOfficer: false, isSupervisor: false };
const holds: (Hold | null)[] = [null, 'held', 'rejected'];

describe('review of reports held by a flood limit', () => {
  // Written out independently of the table: only a held report is reviewed, by its officer or a supervisor.
  const cases = holds.flatMap((hold) =>
    reviewActions.flatMap((action) =>
      Object.entries({ officer, supervisor, nobody }).map(([who, standing]) => ({ hold, action, who, standing })),
    ),
  );

  it.each(cases)('$action of a report held as $hold by $who', ({ hold, action, standing }) => {
    const problem = reviewProblem(hold, action, standing);
    const allowed = hold === 'held' && (standing.isDistrictOfficer || standing.isSupervisor);
    expect(problem === null).toBe(allowed);
    if (problem) {
      expect(problem.forbidden).toBe(hold === 'held');
      expect(problem.message.pl).not.toBe(problem.message.en);
    }
  });

  it('releases into an ordinary public report, and rejects into a closed one that is never public', () => {
    const release = reviewMove('release');
    expect(release.to).toBeNull();
    expect(isListedPublicly(release.to)).toBe(true);
    expect(release.status).toBeNull();
    const reject = reviewMove('reject');
    expect(isListedPublicly(reject.to)).toBe(false);
    expect(isClosed(reject.status!)).toBe(true);
  });

  it('lists only ordinary reports publicly, and lets a held one change status only after review', () => {
    expect(holds.filter(isListedPublicly)).toEqual([null]);
    expect(statusChangeHoldProblem('held')).not.toBeNull();
    expect(statusChangeHoldProblem(null)).toBeNull();
    expect(statusChangeHoldProblem('rejected')).toBeNull();
  });
});
