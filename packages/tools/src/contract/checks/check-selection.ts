// Which checks a run makes: all by default, or the ones named with --check. `transport` is always
// made: a case without a complete answer was judged by no check, so it cannot pass.
import { type CheckId, checkIds } from './check-ids.ts';
import type { Deviation } from './deviation.ts';

export interface Judgement {
  /** The checks that looked at the answer. */
  checked: CheckId[];
  deviations: Deviation[];
}

/** The selected checks for these names (every check when none is named); throws on an unknown name. */
export function selectedChecks(names: readonly string[] | undefined): ReadonlySet<CheckId> {
  if (!names || names.length === 0) return new Set(checkIds);
  const unknown = names.filter((name) => !(checkIds as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`No check named ${unknown.join(', ')}; the checks: ${checkIds.join(', ')}`);
  return new Set<CheckId>(['transport', ...(names as CheckId[])]);
}

/** A judgement restricted to the selected checks. */
export function withSelectedChecks(judgement: Judgement, selected: ReadonlySet<CheckId>): Judgement {
  return { checked: judgement.checked.filter((id) => selected.has(id)), deviations: judgement.deviations.filter((d) => selected.has(d.check)) };
}
