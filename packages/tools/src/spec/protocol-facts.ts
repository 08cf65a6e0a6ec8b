// The protocol facts of the endpoint, read from the spec where it states them: the path (the one
// path of the spec), the key header and its form (the security scheme and its x-key-pattern), and
// the transport limits (the catalog messages of the three transport rows). The client package
// gets them as generated/protocol.ts; every tool imports them from there.
import { errorCatalogFromSpec } from './error-catalog.ts';
import type { BundledSpec } from './spec-schemas.ts';
import { offRampOperationPath } from './off-ramp-operation.ts';

export interface ProtocolFacts {
  offRampPath: string;
  apiKeyHeader: string;
  apiKeyPattern: string;
  maxRequestBodyBytes: number;
  maxRequestHeaderBytes: number;
  requestTimeoutSeconds: number;
}

function numberIn(message: string, pattern: RegExp, row: string): number {
  const found = pattern.exec(message)?.[1];
  if (found === undefined) throw new Error(`The catalog message of ${row} states no limit (${pattern}): ${message}`);
  return Number(found);
}

export function protocolFactsFromSpec(spec: BundledSpec): ProtocolFacts {
  const schemes = Object.values(
    (spec.components as { securitySchemes?: Record<string, { type?: string; in?: string; name?: string; 'x-key-pattern'?: string }> }).securitySchemes ?? {},
  );
  const keyScheme = schemes.find((scheme) => scheme.type === 'apiKey' && scheme.in === 'header');
  if (!keyScheme?.name || typeof keyScheme['x-key-pattern'] !== 'string')
    throw new Error('The spec has no header apiKey security scheme with a name and an x-key-pattern');
  new RegExp(keyScheme['x-key-pattern']); // throws on a pattern that is not a regular expression
  const catalog = errorCatalogFromSpec(spec);
  const message = (name: string) => {
    const row = catalog.find((r) => r.name === name);
    if (!row) throw new Error(`The catalog has no row ${name}`);
    return row.message;
  };
  return {
    offRampPath: offRampOperationPath(spec),
    apiKeyHeader: keyScheme.name,
    apiKeyPattern: keyScheme['x-key-pattern'],
    maxRequestBodyBytes: numberIn(message('PayloadTooLarge'), /larger than (\d+) bytes/, 'PayloadTooLarge'),
    maxRequestHeaderBytes: numberIn(message('RequestHeadersTooLarge'), /larger than (\d+) bytes/, 'RequestHeadersTooLarge'),
    requestTimeoutSeconds: numberIn(message('RequestTimeout'), /within (\d+) seconds/, 'RequestTimeout'),
  };
}
