/**
 * The area of a district (rejon służbowy) described by street rules: a locality, optionally one
 * street in it, optionally house-number ranges. Shared by the CSV import, the free-text parser,
 * the admin UI and the address locator.
 */

/** Which house numbers of a range count: all, odd (nieparzyste) or even (parzyste). */
export type Parity = 'all' | 'odd' | 'even';

/**
 * A range of house numbers as written by people: `from` and `to` are house numbers such as "15",
 * "15A"; `to` null means "from `from` upwards" ("od numeru 21"). A single number has from === to.
 * Parity is decided by the numeric part: "15A" is odd.
 */
export interface NumberRange {
  from: string;
  to: string | null;
  parity: Parity;
}

/** One street rule. `street` null: the whole locality. `numbers` null: the whole street. */
export interface StreetRule {
  locality: string;
  street: string | null;
  numbers: NumberRange[] | null;
}

/** A street rule that belongs to a district (the locator's input). */
export interface DistrictRule extends StreetRule {
  districtId: string; // e.g. "kpp-lubartow/3"
}

/** A parsed house number: "15A" → { number: 15, suffix: "a" }; "21/3" → { number: 21, suffix: "", flat: "3" }. */
export interface HouseNumber {
  number: number;
  suffix: string;
  flat: string | null;
  raw: string;
}
