// Error answers of the reference implementation, built from the spec's own catalog (the `oneOf`
// rows of the 4xx response schemas), so that the codes and messages live in one place only.
import { errorCatalogFromSpec, type CatalogRow } from '../../scripts/lib/error-catalog.ts';
import { loadBundledSpec } from '../../scripts/lib/spec-schemas.ts';
import type { AmountLimits } from './reference-state.ts';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An answer of the error envelope: `{ success: false, error: { code, message, details? } }`. */
export interface ErrorAnswer {
  status: number;
  body: { success: false; error: { code: string; message: string; details?: ErrorDetail[] } };
}

/** The catalog rows the server answers itself (the preflight module answers the schema-level ones). */
const rowNames = [
  'ApiKeyMissing',
  'ApiKeyMalformed',
  'ApiKeyUnknown',
  'InvalidPartnerFlow',
  'UserNotVerified',
  'ReceiverCannotInitiate',
  'InvalidUserInput',
  'QuoteNotOffRamp',
  'QuoteExpired',
  'FiatCurrencyUnavailable',
  'ChainTokenUnavailable',
  'TokenNotStable',
  'BankInformationNotFound',
  'BankInformationOfOtherPartner',
  'BankInformationOfOtherUser',
  'ReceiverNotFound',
  'ReceiverOfOtherUser',
  'ReceiverNotVerified',
  'FiatAmountOutOfRange',
  'TokenAmountOutOfRange',
] as const;

export type CatalogErrorName = (typeof rowNames)[number];

function loadRows(): Map<CatalogErrorName, CatalogRow> {
  const rows = new Map(errorCatalogFromSpec(loadBundledSpec()).map((row) => [row.name, row]));
  const missing = rowNames.filter((name) => !rows.has(name));
  if (missing.length > 0) throw new Error(`The spec's error catalog has no row named ${missing.join(', ')}`);
  return rows as Map<CatalogErrorName, CatalogRow>;
}

const rows = loadRows();

/** The answer for one catalog row; range rows get the partner's limits written as plain numbers. */
export function catalogError(name: Exclude<CatalogErrorName, 'InvalidUserInput'>, limits?: AmountLimits): ErrorAnswer {
  const row = rows.get(name)!;
  const message = limits ? row.message.replace('{min}', String(limits.min)).replace('{max}', String(limits.max)) : row.message;
  return { status: row.status, body: { success: false, error: { code: row.code, message } } };
}

/** `400 INVALID_USER_INPUT_ERROR` with field-level details. */
export function invalidUserInput(details: ErrorDetail[]): ErrorAnswer {
  const row = rows.get('InvalidUserInput')!;
  return { status: row.status, body: { success: false, error: { code: row.code, message: row.message, details } } };
}

/** What a check gives: the value it resolved, or the catalog answer that ends the request. */
export type Checked<T> = { ok: true; value: T } | { ok: false; answer: ErrorAnswer };

export const fail = (answer: ErrorAnswer): { ok: false; answer: ErrorAnswer } => ({ ok: false, answer });
export const pass = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
