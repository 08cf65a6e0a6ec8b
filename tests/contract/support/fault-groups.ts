// Faults that can share one contract run: a few at a time, each on a scenario of its own, and none
// on a scenario whose answer another fault of the run reads. Each fault is then judged as if alone
// (the suite judges every answer by itself), and the run's other scenarios, which far outnumber
// the faulted ones, must all still pass: a fault that spilled into another scenario's verdict fails.
import type { Fault } from './fault-injecting-proxy.ts';

/** How many faults share a run: few, so that most scenarios of each run are untouched. */
export const faultsPerRun = 4;

const touches = (fault: Fault) => [fault.scenario, ...(fault.reads ?? [])];

function fits(group: readonly Fault[], fault: Fault, size: number): boolean {
  if (group.length >= size) return false;
  return group.every((other) => other.scenario !== fault.scenario && !touches(fault).includes(other.scenario) && !touches(other).includes(fault.scenario));
}

/** Splits the faults into runs, in their order (first group that fits). */
export function faultGroups(faults: readonly Fault[], size = faultsPerRun): Fault[][] {
  const groups: Fault[][] = [];
  for (const fault of faults) {
    const group = groups.find((candidate) => fits(candidate, fault, size));
    if (group) group.push(fault);
    else groups.push([fault]);
  }
  return groups;
}
