// The package's public surface: the client, the preflight, the catalog and the contract's types.
export { createOffRampClient, defaultMaxResponseBytes, defaultTimeoutMs } from './client/create-off-ramp-client.ts';
export type { CreateOffRampInit, OffRampClient, OffRampClientOptions } from './client/create-off-ramp-client.ts';
export { OffRampRedirectError, OffRampResponseTooLargeError } from './client/client-errors.ts';
export type { CreateOffRampResult, OffRampCreated, OffRampFailed, OffRampFailureKind, OffRampRejected } from './client/off-ramp-result.ts';
export { validateOffRampRequest } from './preflight/validate-off-ramp-request.ts';
export type { PreflightCheck, PreflightError, PreflightResult } from './preflight/validate-off-ramp-request.ts';
export { errorCatalog } from '../generated/error-catalog.ts';
export { apiKeyHeader, apiKeyPattern, maxRequestBodyBytes, maxRequestHeaderBytes, offRampPath, requestTimeoutSeconds } from '../generated/protocol.ts';
export { catalogError } from './catalog/catalog-error.ts';
export type { CatalogRowName } from './catalog/catalog-error.ts';
export type {
  components,
  operations,
  paths,
  OffRampError,
  OffRampErrorCode,
  OffRampErrorCodeOf,
  OffRampErrorDetail,
  OffRampErrorStatus,
  OffRampRequest,
  OffRampTransaction,
} from './off-ramp-types.ts';
