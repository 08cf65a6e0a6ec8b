// What every derived family is built from: the spec (catalog rows, answer schemas), the default
// fixtures (the identities a request carries; a run swaps them for the chosen file's, as for the
// named scenarios), the chosen file's partner agreement, and the named scenarios themselves.
import { type CatalogRow, errorCatalogFromSpec } from '../../spec/error-catalog.ts';
import type { BundledSpec } from '../../spec/spec-schemas.ts';
import { type Fixtures, fixtureAt } from '../fixtures.ts';
import type { PartnerAgreement } from '../partner-agreement.ts';
import { responseSchemaOf, type Scenario } from '../scenarios.ts';

export type RequestBody = Record<string, unknown>;

/** A case of a family that could not be made, and why. */
export interface SkippedCase {
  name: string;
  reason: string;
}

export interface DerivationContext {
  spec: BundledSpec;
  /** The named scenarios of the spec, the source of every valid request part. */
  named: readonly Scenario[];
  /** A default fixture's value (`users.unverified`), as the requests are written with them. */
  fixture(path: string): string | number;
  /** The chosen fixtures' partner agreement, if the file states one. */
  agreement: PartnerAgreement | undefined;
  row(name: string): CatalogRow;
}

export function derivationContext(
  spec: BundledSpec,
  named: readonly Scenario[],
  defaults: Fixtures,
  agreement: PartnerAgreement | undefined,
): DerivationContext {
  const catalog = new Map(errorCatalogFromSpec(spec).map((row) => [row.name, row]));
  return {
    spec,
    named,
    fixture: (path) => fixtureAt(defaults, path),
    agreement,
    row(name) {
      const row = catalog.get(name);
      if (!row) throw new Error(`No catalog row ${name}`);
      return row;
    },
  };
}

/** What a derived scenario expects: a created transaction, or a catalog row (and where its details point). */
export type Expectation =
  | { created: true }
  | {
      row: string;
      detailPaths?: string[];
      message?: string;
      /** details whose message the spec fixes */
      details?: { path: string; message: string }[];
      /** false when the answer may list more details than these (more faults than the cap) */
      exactPaths?: boolean;
    };

export interface DerivedRequest {
  body: RequestBody;
  /** Fixture path of the key; `apiKeys.valid` unless said otherwise, `null` for no key. */
  apiKeyFixture?: string | null;
  apiKeyVariant?: Scenario['apiKeyVariant'];
  rawBody?: string;
  /** Bytes that are not text, sent by the gate (`rawBody` is then what Dredd carries meanwhile). */
  rawBodyHex?: string;
  headers?: Record<string, string>;
}

/** A scenario of a derived family, judged like a named one. */
export function derivedScenario(
  context: DerivationContext,
  family: string,
  name: string,
  summary: string,
  request: DerivedRequest,
  expected: Expectation,
): Scenario {
  const common = {
    name,
    family,
    summary,
    requestBody: request.body,
    apiKeyFixture: request.apiKeyFixture === undefined ? 'apiKeys.valid' : request.apiKeyFixture,
    requestHeaders: request.headers ?? {},
    ...(request.apiKeyVariant ? { apiKeyVariant: request.apiKeyVariant } : {}),
    ...(request.rawBody !== undefined ? { rawBody: request.rawBody } : {}),
    ...(request.rawBodyHex !== undefined ? { rawBodyHex: request.rawBodyHex } : {}),
  };
  if ('created' in expected) {
    return { ...common, status: 201, responseSchema: responseSchemaOf(context.spec, 201), responseExample: {} };
  }
  const row = context.row(expected.row);
  // The judge reads the expected detail paths from the example, as for a named scenario.
  const details = expected.details ?? (expected.detailPaths ?? []).map((path) => ({ path, message: '' }));
  return {
    ...common,
    status: row.status,
    responseSchema: responseSchemaOf(context.spec, row.status),
    responseExample: { success: false, error: { code: row.code, message: row.message, ...(details.length > 0 ? { details } : {}) } },
    catalogRow: row,
    ...(expected.message ? { expectedMessage: expected.message } : {}),
    ...(expected.details ? { exactDetailMessages: true } : {}),
    // A derived request has the faults it names and no other: the details must be exactly theirs.
    ...(expected.exactPaths !== false && (expected.details ?? expected.detailPaths)?.length ? { exactDetailPaths: true } : {}),
  };
}
