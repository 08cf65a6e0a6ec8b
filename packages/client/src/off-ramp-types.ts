// The public names of the contract's types, read from the generated types and the catalog data.
import type { errorCatalog } from '../generated/error-catalog.ts';
import type { components } from '../generated/schema.ts';
import type { OffRampErrorDetail } from './preflight/error-details.ts';

export type { components, operations, paths } from '../generated/schema.ts';
export type { OffRampErrorDetail } from './preflight/error-details.ts';

/** The body of `POST /api/partner/v2/off-ramp`: its either/or rules are unions, so a broken rule does not compile. */
export type OffRampRequest = components['schemas']['OffRampRequest'];

/** The transaction the server created (`data` of the 201 answer). */
export type OffRampTransaction = components['schemas']['OffRampTransaction'];

type CatalogRow = (typeof errorCatalog)[number];

/** Every `error.code` of the catalog. */
export type OffRampErrorCode = CatalogRow['code'];

/** The HTTP statuses of the catalog's errors. */
export type OffRampErrorStatus = CatalogRow['status'];

/** The codes the catalog allows for one status, e.g. `OffRampErrorCodeOf<401>` is `'UNAUTHORIZED'`. */
export type OffRampErrorCodeOf<Status extends OffRampErrorStatus> = Extract<CatalogRow, { status: Status }>['code'];

/** A catalog error as the server sends it in `error`: branch on `code`, show `message`. */
export interface OffRampError<Code extends OffRampErrorCode = OffRampErrorCode> {
  code: Code;
  /** The server's message: fixed per catalog row; the two amount-range rows fill in {min} and {max}. */
  message: string;
  /** Field-level faults; only with `INVALID_USER_INPUT_ERROR`. */
  details?: OffRampErrorDetail[];
}
