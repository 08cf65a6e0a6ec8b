// The order of checks of the off-ramp operation, as the spec states it once: its
// `x-order-of-checks` list (step 0 first), each step with the catalog rows it can answer with.
// The description's numbered list, the reference implementation's order, the mock's front and the
// preflight are tested against it.
import { errorCatalogFromSpec } from './error-catalog.ts';
import type { BundledSpec } from './spec-schemas.ts';
import { offRampOperation } from './off-ramp-operation.ts';

export interface CheckStep {
  /** Stable name of the step, e.g. `authentication`; the preflight's `check` for its steps. */
  step: string;
  /** The step's bold title in the description's list. */
  title: string;
  /** Whether a client's preflight can make this check without the server. */
  preflight: boolean;
  /** Catalog rows (example names) this step answers with. */
  rows: string[];
}

export function orderOfChecks(spec: BundledSpec): CheckStep[] {
  const steps = offRampOperation(spec)['x-order-of-checks'] as CheckStep[] | undefined;
  if (!Array.isArray(steps) || steps.length === 0) throw new Error('The off-ramp operation has no x-order-of-checks list');
  const catalog = new Set(errorCatalogFromSpec(spec).map((row) => row.name));
  const seen = new Set<string>();
  for (const entry of steps) {
    if (typeof entry?.step !== 'string' || typeof entry.title !== 'string' || typeof entry.preflight !== 'boolean' || !Array.isArray(entry.rows)) {
      throw new Error(`x-order-of-checks: malformed step ${JSON.stringify(entry)}`);
    }
    if (seen.has(entry.step)) throw new Error(`x-order-of-checks: step ${entry.step} is listed twice`);
    seen.add(entry.step);
    const unknown = entry.rows.filter((row) => !catalog.has(row));
    if (unknown.length > 0) throw new Error(`x-order-of-checks: step ${entry.step} names rows not in the catalog: ${unknown.join(', ')}`);
  }
  return steps;
}

/** Position of a step in the order (0 for the first), by name; throws for an unknown name. */
export function stepIndex(steps: CheckStep[], step: string): number {
  const index = steps.findIndex((entry) => entry.step === step);
  if (index < 0) throw new Error(`No step ${step} in the order of checks`);
  return index;
}
