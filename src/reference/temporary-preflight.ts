// TEMPORARY stand-in for src/preflight/validate-off-ramp-request.ts (being written on main), with
// the same signature. Deleted when main's module is merged; nothing else may import it.
import { createSpecAjv, loadBundledSpec, schemaValidator } from '../../scripts/lib/spec-schemas.ts';

export interface OffRampRequest {
  userId: string;
  quoteId?: string;
  fiatAmount?: number;
  cryptoAmount?: number;
  fiatCurrency?: string;
  blockchainSymbol?: string;
  tokenSymbol?: string;
  premiumSpread?: number;
  receiverId?: string;
  userBankInformation?: Record<string, any> & { country: string };
  userBankInformationId?: string;
}

export type PreflightResult =
  | { ok: true; value: OffRampRequest }
  | {
      ok: false;
      check: 'body' | 'userId' | 'shape' | 'pricingSource' | 'bankSource';
      error: { status: 400; code: 'REQUIRED_USER_ID_ERROR' | 'INVALID_USER_INPUT_ERROR' | 'BAD_REQUEST'; message: string; details?: { path: string; message: string }[] };
    };

const ajv = createSpecAjv(loadBundledSpec());
const request = schemaValidator(ajv, 'OffRampRequest');
const funding = schemaValidator(ajv, 'FundingSource');
const bank = schemaValidator(ajv, 'BankSource');
const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function validateOffRampRequest(body: unknown): PreflightResult {
  const input = (details: { path: string; message: string }[]) => ({ status: 400 as const, code: 'INVALID_USER_INPUT_ERROR' as const, message: 'Invalid User Input', details });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, check: 'body', error: input([{ path: '', message: 'must be object' }]) };
  const userId = (body as Record<string, unknown>).userId;
  if (userId === undefined) return { ok: false, check: 'userId', error: { status: 400, code: 'REQUIRED_USER_ID_ERROR', message: 'This endpoint requires a user id to be provided' } };
  if (typeof userId !== 'string' || !uuid.test(userId)) return { ok: false, check: 'userId', error: input([{ path: '/userId', message: 'must be a UUID' }]) };
  if (request(body)) return { ok: true, value: body as OffRampRequest };
  if (!funding(body)) return { ok: false, check: 'pricingSource', error: { status: 400, code: 'BAD_REQUEST', message: 'Either quoteId or fiatCurrency, blockchainSymbol, tokenSymbol, and at least one of fiatAmount or cryptoAmount must be provided' } };
  if (!bank(body)) return { ok: false, check: 'bankSource', error: { status: 400, code: 'BAD_REQUEST', message: 'Either userBankInformationId or userBankInformation must be provided' } };
  return { ok: false, check: 'shape', error: input((request.errors ?? []).slice(0, 50).map((e) => ({ path: e.instancePath, message: e.message ?? 'is invalid' }))) };
}
