import type { CheckId } from './check-ids.ts';

/** One way a response differs from the contract: which check, on what, what it should be, what it is. */
export interface Deviation {
  check: CheckId;
  /** What the check looked at when it has several (a field such as `data.userId`); absent otherwise. */
  subject?: string;
  expected: string;
  actual: string;
}

/** A value as it appears in a failure message: JSON, so that `1500` and `"1500"` look different. */
export const shown = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));

/** One line of a deviation, the same in every runner's output and report: `[id] subject: expected …, actual …`. */
export const formatDeviation = (d: Deviation): string => `[${d.check}]${d.subject ? ` ${d.subject}` : ''}: expected ${d.expected}, actual ${d.actual}`;
