import { validateBankSource, validatePricingSource, validateRequestShape } from '../../generated/off-ramp-request-validators.js';
import type { OffRampRequest } from '../off-ramp-types.ts';
import { catalogError } from '../catalog/catalog-error.ts';
import { bankChecksumDetails } from './bank-checksums.ts';
import { errorDetails, onePerPath, type OffRampErrorDetail } from './error-details.ts';

export type { OffRampRequest } from '../off-ramp-types.ts';

/** The checks the preflight makes, in the order the server makes them (see the spec's "Order of checks"). */
export type PreflightCheck = 'body' | 'userId' | 'shape' | 'pricingSource' | 'bankSource';

/** A 400 of the catalog, exactly as the server answers it. */
export interface PreflightError {
  status: 400;
  code: 'REQUIRED_USER_ID_ERROR' | 'INVALID_USER_INPUT_ERROR' | 'BAD_REQUEST';
  message: string;
  details?: OffRampErrorDetail[];
}

export type PreflightResult = { ok: true; value: OffRampRequest } | { ok: false; check: PreflightCheck; error: PreflightError };

const failure = (check: PreflightCheck, error: PreflightError): PreflightResult => ({ ok: false, check, error });
const invalidInput = (check: PreflightCheck, details: OffRampErrorDetail[]) => failure(check, { ...catalogError('InvalidUserInput'), details });

/**
 * Checks an off-ramp request body without calling the server, and answers a fault with the very
 * catalog error the server answers for it. Only state-free checks: KYC, quotes, limits, ownership
 * and what is enabled need the server. Uses validators compiled ahead of time (no `new Function`).
 */
export function validateOffRampRequest(body: unknown): PreflightResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    // Stryker disable next-line StringLiteral: the spec fixes this detail's path (""), not its wording.
    return invalidInput('body', [{ path: '', message: 'must be a JSON object' }]);
  }
  const { userId, userBankInformation } = body as { userId?: unknown; userBankInformation?: unknown };
  if (userId === undefined || userId === null || userId === '') return failure('userId', catalogError('UserIdMissing'));

  const shapeValid = validateRequestShape(body);
  const checksumDetails = bankChecksumDetails(userBankInformation);
  if (!shapeValid || checksumDetails.length > 0) {
    // Stryker disable next-line ArrayDeclaration: a failed validator always sets its errors.
    const details = onePerPath([...(shapeValid ? [] : errorDetails(validateRequestShape.errors ?? [])), ...checksumDetails]);
    const userIdDetails = details.filter((detail) => detail.path === '/userId');
    // Stryker disable next-line StringLiteral: the server tells steps apart by 'body' and 'userId' only; the other names are for the client.
    return userIdDetails.length > 0 ? invalidInput('userId', userIdDetails) : invalidInput('shape', details);
  }
  // The rule validators check presence only: every value was checked by the shape stage.
  // Stryker disable StringLiteral: as above, the step names.
  if (!validatePricingSource(body)) return failure('pricingSource', catalogError('PricingSourceMissing'));
  if (!validateBankSource(body)) return failure('bankSource', catalogError('BankSourceMissing'));
  // Stryker restore StringLiteral
  return { ok: true, value: body as OffRampRequest };
}
