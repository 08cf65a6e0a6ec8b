// An error answer must be the catalog row the scenario names: not merely some valid row.
import type { CatalogRow } from '../../spec/error-catalog.ts';
import { shown, type Deviation } from './deviation.ts';

const detailsCode = 'INVALID_USER_INPUT_ERROR';

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

const detailPaths = (details: unknown): string[] =>
  Array.isArray(details)
    ? details.map((d) => (typeof d === 'object' && d !== null ? (d as { path?: unknown }).path : undefined)).filter((p): p is string => typeof p === 'string')
    : [];

/** `expectedMessage`: the exact filling of a templated row's message, when the scenario knows it (the partner's limits). */
export function checkCatalogError(
  row: CatalogRow,
  body: unknown,
  responseExample: unknown,
  expectedMessage?: string,
  exact: { paths?: boolean | undefined; messages?: boolean | undefined } = {},
): Deviation[] {
  const error = (body as ErrorEnvelope | null)?.error;
  const deviations: Deviation[] = [];
  if (error?.code !== row.code) deviations.push({ check: 'catalog-code', expected: shown(row.code), actual: shown(error?.code) });
  const message = error?.message;
  const messageMatches = row.messagePattern ? typeof message === 'string' && new RegExp(row.messagePattern).test(message) : message === row.message;
  if (expectedMessage !== undefined && messageMatches && message !== expectedMessage) {
    deviations.push({ check: 'catalog-message', expected: shown(expectedMessage), actual: shown(message) });
  } else if (!messageMatches) {
    deviations.push({ check: 'catalog-message', expected: row.messagePattern ? `template ${shown(row.message)}` : shown(row.message), actual: shown(message) });
  }
  if (row.code !== detailsCode && error?.details !== undefined) {
    deviations.push({
      check: 'catalog-details',
      subject: 'error.details',
      expected: `absent (only ${detailsCode} carries details)`,
      actual: shown(error.details),
    });
  }
  if (row.code === detailsCode) {
    // The fields the scenario's example points at must be among the details: the error names the faulty field.
    const actualPaths = detailPaths(error?.details);
    for (const path of detailPaths((responseExample as ErrorEnvelope).error?.details)) {
      if (!actualPaths.includes(path))
        deviations.push({ check: 'catalog-details', subject: 'error.details[].path', expected: `a detail at ${shown(path)}`, actual: shown(actualPaths) });
    }
    // A derived request has exactly the faults it names: one detail each, none besides.
    const expectedPaths = detailPaths((responseExample as ErrorEnvelope).error?.details);
    const extra = [...new Set(actualPaths)].filter((path) => !expectedPaths.includes(path));
    if (exact.paths && (extra.length > 0 || actualPaths.length !== new Set(actualPaths).size))
      deviations.push({ check: 'catalog-details', subject: 'error.details[].path', expected: `exactly ${shown(expectedPaths)}`, actual: shown(actualPaths) });
    // Where the spec fixes a detail's message (the bank checks, a repeated member), it must be that one.
    const expectedDetails = exact.messages ? (((responseExample as ErrorEnvelope).error?.details ?? []) as { path: string; message: string }[]) : [];
    const actualDetails = Array.isArray(error?.details) ? (error.details as { path?: unknown; message?: unknown }[]) : [];
    for (const expected of expectedDetails) {
      if (actualPaths.includes(expected.path) && !actualDetails.some((d) => d?.path === expected.path && d?.message === expected.message))
        deviations.push({
          check: 'catalog-details',
          subject: `error.details[${shown(expected.path)}].message`,
          expected: shown(expected.message),
          actual: shown(actualDetails.filter((d) => d?.path === expected.path).map((d) => d?.message)),
        });
    }
  }
  return deviations;
}
