/** One way a response differs from the contract: what was checked, what it should be, what it is. */
export interface Deviation {
  check: string;
  expected: string;
  actual: string;
}

/** A value as it appears in a failure message: JSON, so that `1500` and `"1500"` look different. */
export const shown = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));
