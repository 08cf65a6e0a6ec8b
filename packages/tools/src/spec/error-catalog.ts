import type { BundledSpec } from './spec-schemas.ts';
import { offRampOperation } from './off-ramp-operation.ts';

/** One row of the error catalog, as the spec defines it. */
export interface CatalogRow {
  /** Scenario name: the row's schema title, and the name of its response and request examples. */
  name: string;
  status: number;
  code: string;
  /** The fixed message, or a template with `{min}` and `{max}` for the amount-range rows. */
  message: string;
  /** Present for template rows: the pattern a filled message must match. */
  messagePattern?: string;
}

// The number group the range rows' message patterns use for {min} and {max}.
const numberGroup = '(0|[1-9][0-9]*)(\\.[0-9]+)?';

/** Turns a range row's message pattern back into its template: numbers become {min} then {max}. */
export function templateFromPattern(pattern: string): string {
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  const [before, between, after, ...rest] = body.split(numberGroup);
  if (before === undefined || between === undefined || after === undefined || rest.length > 0) {
    throw new Error(`Message pattern is not a {min}/{max} template: ${pattern}`);
  }
  const unescaped = (s: string) => s.replace(/\\(.)/g, '$1');
  return `${unescaped(before)}{min}${unescaped(between)}{max}${unescaped(after)}`;
}

type Row = { title?: string; properties?: { code?: { const?: string }; message?: { const?: string; pattern?: string } } };

/**
 * The catalog as the response schemas define it: `error` is `allOf: [$ref ErrorBody, rows]`, where
 * rows is a `oneOf` of rows (or the single row of its status), in each 4xx response of the off-ramp
 * operation, in document order.
 */
export function errorCatalogFromSpec(spec: BundledSpec): CatalogRow[] {
  const operation = offRampOperation(spec);
  const rows: CatalogRow[] = [];
  for (const [status, responseRef] of Object.entries<{ $ref: string }>(operation.responses)) {
    if (!/^4\d\d$/.test(status)) continue;
    const response = spec.components.responses[responseRef.$ref.split('/').pop()!];
    const schemaName = String(response.content['application/json'].schema.$ref).split('/').pop()!;
    const schema = spec.components.schemas[schemaName] as { properties: { error: { allOf?: (Row & { $ref?: string; oneOf?: Row[] })[] } } };
    const rowsSchema = schema.properties.error.allOf?.find((member) => member.$ref === undefined);
    if (!rowsSchema) throw new Error(`The ${status} error schema has no allOf member with its catalog rows`);
    for (const row of rowsSchema.oneOf ?? [rowsSchema]) {
      const code = row.properties?.code?.const;
      const message = row.properties?.message;
      if (!row.title || !code || !message) throw new Error(`A ${status} catalog row lacks a title, code or message`);
      rows.push(
        message.const !== undefined
          ? { name: row.title, status: Number(status), code, message: message.const }
          : { name: row.title, status: Number(status), code, message: templateFromPattern(message.pattern!), messagePattern: message.pattern! },
      );
    }
  }
  return rows;
}
