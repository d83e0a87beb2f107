import { describe, expect, it } from 'vitest';
import { changeProblem, detailsProblem, listingOrder, outcomeProblem, staffGroups, type MeetingDetails } from './rules.js';

const today = '2027-03-10';
const valid: MeetingDetails = {
  kind: 'debate',
  day: '2027-03-20',
  startsAt: '17:00',
  endsAt: '19:00',
  place: 'Świetlica wiejska, Testowo 5',
  topic: 'Bezpieczeństwo na drogach',
  districtIds: ['kpp-a/1', 'kpp-a/2'],
};
const problemField = (change: Partial<MeetingDetails>) => detailsProblem({ ...valid, ...change }, 'kpp-a', today)?.field;

describe('the details of a meeting', () => {
  it('accepts a valid event, today included', () => {
    expect(detailsProblem(valid, 'kpp-a', today)).toBeNull();
    expect(problemField({ day: today })).toBeUndefined();
  });

  it('names the field of the first problem', () => {
    expect(problemField({ kind: 'party' })).toBe('kind');
    expect(problemField({ day: '2027-02-30' })).toBe('day');
    expect(problemField({ day: '2027-03-09' })).toBe('day');
    expect(problemField({ startsAt: '24:00' })).toBe('startsAt');
    expect(problemField({ endsAt: '7:00' })).toBe('endsAt');
    expect(problemField({ endsAt: '17:00' })).toBe('endsAt');
    expect(problemField({ endsAt: '16:59' })).toBe('endsAt');
    expect(problemField({ place: '   ' })).toBe('place');
    expect(problemField({ place: 'x'.repeat(301) })).toBe('place');
    expect(problemField({ topic: '' })).toBe('topic');
    expect(problemField({ districtIds: [] })).toBe('districtIds');
    expect(problemField({ districtIds: ['kpp-a/1', 'kpp-a/1'] })).toBe('districtIds');
    expect(problemField({ districtIds: ['kpp-a/1', 'kpp-b/1'] })).toBe('districtIds');
  });

  it('words each problem in Polish and English', () => {
    const problem = detailsProblem({ ...valid, endsAt: '16:00' }, 'kpp-a', today)!;
    expect(problem.message.pl).toMatch(/kończyć się po rozpoczęciu/);
    expect(problem.message.en).toMatch(/end after it starts/);
  });
});

describe('what may be changed when', () => {
  const upcoming = { day: '2027-03-20', cancelled: false };
  const past = { day: '2027-03-01', cancelled: false };
  const onTheDay = { day: today, cancelled: false };
  const cancelled = { day: '2027-03-20', cancelled: true };

  it('changes and cancels an event until its day ends', () => {
    expect(changeProblem(upcoming, 'details', today)).toBeNull();
    expect(changeProblem(upcoming, 'cancel', today)).toBeNull();
    expect(changeProblem(onTheDay, 'details', today)).toBeNull();
    expect(changeProblem(past, 'details', today)?.pl).toMatch(/już się odbyło/);
    expect(changeProblem(past, 'cancel', today)?.en).toMatch(/has taken place/);
  });

  it('records participants and topics from the event’s day on', () => {
    expect(changeProblem(past, 'outcome', today)).toBeNull();
    expect(changeProblem(onTheDay, 'outcome', today)).toBeNull();
    expect(changeProblem(upcoming, 'outcome', today)?.pl).toMatch(/po wydarzeniu/);
  });

  it('leaves a cancelled event as it is', () => {
    for (const change of ['details', 'cancel', 'outcome'] as const) {
      expect(changeProblem(cancelled, change, today)?.pl).toMatch(/odwołane/);
      expect(changeProblem({ ...past, cancelled: true }, change, today)).not.toBeNull();
    }
  });

  it('checks the outcome', () => {
    expect(outcomeProblem({ participants: 0, topicsRaised: '' })).toBeNull();
    expect(outcomeProblem({ participants: 35, topicsRaised: 'Parkowanie pod szkołą.' })).toBeNull();
    expect(outcomeProblem({ participants: -1, topicsRaised: '' })?.field).toBe('participants');
    expect(outcomeProblem({ participants: 2.5, topicsRaised: '' })?.field).toBe('participants');
    expect(outcomeProblem({ participants: 3, topicsRaised: 'x'.repeat(4001) })?.field).toBe('topicsRaised');
  });
});

describe('the listing', () => {
  it('puts upcoming events first, soonest first, then past ones, latest first', () => {
    const events = [
      { id: 'a', day: '2027-03-01', startsAt: '10:00' },
      { id: 'b', day: '2027-03-30', startsAt: '10:00' },
      { id: 'c', day: today, startsAt: '18:00' },
      { id: 'd', day: '2027-02-01', startsAt: '10:00' },
      { id: 'e', day: today, startsAt: '09:00' },
    ];
    const { upcoming, past } = listingOrder(events, today);
    expect(upcoming.map((e) => e.id)).toEqual(['e', 'c', 'b']);
    expect(past.map((e) => e.id)).toEqual(['a', 'd']);
  });
});

describe('the staff list of events', () => {
  const event = (topic: string, day: string, more: { cancelled?: boolean; participants?: number | null; startsAt?: string } = {}) => ({
    topic,
    day,
    startsAt: more.startsAt ?? '17:00',
    cancelled: more.cancelled ?? false,
    participants: more.participants ?? null,
  });
  const topics = (list: { topic: string }[]) => list.map((e) => e.topic);

  it('puts past events with nothing recorded first, today’s among the upcoming, recorded ones in the past, cancelled apart', () => {
    const groups = staffGroups(
      [
        event('recorded', '2027-03-01', { participants: 12 }),
        event('waiting', '2027-03-09'),
        event('today', today),
        event('later', '2027-03-20'),
        event('sooner', '2027-03-20', { startsAt: '09:00' }),
        event('called off', '2027-03-25', { cancelled: true }),
        event('called off long ago', '2027-02-01', { cancelled: true }),
        event('older waiting', '2027-03-02'),
      ],
      today,
    );
    expect(topics(groups.needsOutcome)).toEqual(['waiting', 'older waiting']);
    expect(topics(groups.upcoming)).toEqual(['today', 'sooner', 'later']);
    expect(topics(groups.past)).toEqual(['recorded']);
    expect(topics(groups.cancelled)).toEqual(['called off', 'called off long ago']);
  });
});
