// The unsubscription handling fee and refund, as the published rules compute them (the look-up's
// "refund-and-handling-fee" topic holds the text and its source): a share of the actual payment by
// subscription term and time used; consumed = paid x used / order duration, in whole hours;
// refund = paid - consumed - fee, never below 0. An estimate: the console's figure is the one that counts.

export const terms = ['monthly', '1-year', '2-year', '3-year'] as const;
export type Term = (typeof terms)[number];

/** The fee, in percent of the actual payment, for the 1st, 2nd and 3rd year of use of each term. */
export const handlingFeePercent: Readonly<Record<Term, readonly number[]>> = {
  '3-year': [15, 10, 5],
  '2-year': [15, 10],
  '1-year': [10],
  monthly: [10],
};

const termMonths: Readonly<Record<Term, number>> = { monthly: 1, '1-year': 12, '2-year': 24, '3-year': 36 };
const HOUR = 3_600_000;
/** Five times 24 hours: the China site's five-day no-reason window. */
export const FIVE_DAYS_MS = 5 * 24 * HOUR;

export interface FeeInput {
  term: Term;
  /** When the order took effect. */
  start: Date;
  /** When it is unsubscribed. */
  at: Date;
  /** The actual payment, without coupons; optional. */
  paid?: number;
}

export type FeeProblem = 'start-invalid' | 'at-invalid' | 'at-before-start' | 'term-over' | 'paid-invalid';

export interface FeeEstimate {
  /** Percent of the actual payment. */
  percent: number;
  /** Which year of use the unsubscription falls in: 1, 2 or 3. */
  yearOfUse: number;
  /** The order's end: start plus the term. */
  end: Date;
  usedHours: number;
  orderHours: number;
  /** Within 5x24 hours of the start: the China site's five-day rule may refund in full instead. */
  withinFiveDays: boolean;
  /** With `paid`: the amounts, rounded to cents. */
  amounts?: { consumed: number; fee: number; refund: number };
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setMonth(result.getMonth() + months);
  return result;
}

/** When an order of `term` that took effect at `start` ends. */
export const termEnd = (term: Term, start: Date): Date => addMonths(start, termMonths[term]);

const floorHour = (date: Date) => Math.floor(date.getTime() / HOUR);
const cents = (value: number) => Math.round(value * 100) / 100;

/** The estimate, or what of the input is wrong. */
export function estimateHandlingFee({ term, start, at, paid }: FeeInput): FeeEstimate | { problem: FeeProblem } {
  if (Number.isNaN(start.getTime())) return { problem: 'start-invalid' };
  if (Number.isNaN(at.getTime())) return { problem: 'at-invalid' };
  if (at < start) return { problem: 'at-before-start' };
  if (paid !== undefined && !(Number.isFinite(paid) && paid >= 0)) return { problem: 'paid-invalid' };
  const end = termEnd(term, start);
  // An expired resource is not unsubscribed at all (the "expired" rule).
  if (at >= end) return { problem: 'term-over' };
  const percents = handlingFeePercent[term];
  let yearOfUse = 1;
  while (yearOfUse < percents.length && at > addMonths(start, 12 * yearOfUse)) yearOfUse++;
  const percent = percents[yearOfUse - 1]!;
  const usedHours = floorHour(at) - floorHour(start);
  const orderHours = floorHour(end) - floorHour(start);
  const estimate: FeeEstimate = { percent, yearOfUse, end, usedHours, orderHours, withinFiveDays: at.getTime() - start.getTime() < FIVE_DAYS_MS };
  if (paid !== undefined) {
    const consumed = cents((paid * usedHours) / orderHours);
    const fee = cents((paid * percent) / 100);
    estimate.amounts = { consumed, fee, refund: Math.max(0, cents(paid - consumed - fee)) };
  }
  return estimate;
}
