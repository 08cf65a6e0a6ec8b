import { errorCatalog } from '../../generated/error-catalog.ts';

/** Scenario names of the catalog rows, e.g. 'QuoteExpired'. */
export type CatalogRowName = (typeof errorCatalog)[number]['name'];
type Row<Name extends CatalogRowName> = Extract<(typeof errorCatalog)[number], { name: Name }>;

/** The status, code and message of one catalog row; range rows get their {min} and {max} filled. */
export function catalogError<Name extends CatalogRowName>(
  name: Name,
  limits?: { min: number; max: number },
): { status: Row<Name>['status']; code: Row<Name>['code']; message: string } {
  const row = errorCatalog.find((candidate) => candidate.name === name) as Row<Name>;
  const message: string = limits ? row.message.replace('{min}', String(limits.min)).replace('{max}', String(limits.max)) : row.message;
  return { status: row.status as Row<Name>['status'], code: row.code as Row<Name>['code'], message };
}
