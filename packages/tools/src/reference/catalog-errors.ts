// Error answers of the reference implementation in the spec's envelope. Codes and messages come
// from the generated catalog (src/catalog), the same rows the client's preflight answers with.
import { catalogError as catalogRow, type CatalogRowName } from '@off-ramp/client';
import type { OffRampErrorDetail } from '@off-ramp/client';
import type { AmountLimits } from './reference-state.ts';

/** An answer of the error envelope: `{ success: false, error: { code, message, details? } }`. */
export interface ErrorAnswer {
  status: number;
  body: { success: false; error: { code: string; message: string; details?: OffRampErrorDetail[] } };
}

/** The answer for one catalog row; range rows get the partner's limits written as plain numbers. */
export function catalogError(name: Exclude<CatalogRowName, 'InvalidUserInput'>, limits?: AmountLimits): ErrorAnswer {
  const { status, ...error } = catalogRow(name, limits);
  return { status, body: { success: false, error } };
}

/** `400 INVALID_USER_INPUT_ERROR` with field-level details. */
export function invalidUserInput(details: OffRampErrorDetail[]): ErrorAnswer {
  const { status, ...error } = catalogRow('InvalidUserInput');
  return { status, body: { success: false, error: { ...error, details } } };
}

/** What a check gives: the value it resolved, or the catalog answer that ends the request. */
export type Checked<T> = { ok: true; value: T } | { ok: false; answer: ErrorAnswer };

export const fail = (answer: ErrorAnswer): { ok: false; answer: ErrorAnswer } => ({ ok: false, answer });
export const pass = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
