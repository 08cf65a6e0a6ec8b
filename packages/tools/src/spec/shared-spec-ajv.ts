// The Ajv of a spec, compiled once per process: compiling the spec's schemas is most of a short
// contract or fuzz run's own CPU (about 0.3 s), and the runs of one process (a suite of tests, a
// mutation run, a tool checking several servers) mostly share one spec. Validators are pure, so
// runs share them, at once too. The Ajvs of the last few specs are kept, keyed by the spec's text.
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { type BundledSpec, createSpecAjv } from './spec-schemas.ts';

/** How many specs' Ajvs a process keeps (a few megabytes each). */
export const sharedSpecAjvLimit = 3;

const kept = new Map<string, Ajv2020>();

/** `createSpecAjv(spec)`, the same instance for a spec of the same text as one of the last few. */
export function sharedSpecAjv(spec: BundledSpec): Ajv2020 {
  const key = JSON.stringify(spec);
  const found = kept.get(key);
  kept.delete(key);
  const ajv = found ?? createSpecAjv(spec);
  kept.set(key, ajv); // the most recently used last
  for (const oldest of kept.keys()) {
    if (kept.size <= sharedSpecAjvLimit) break;
    kept.delete(oldest);
  }
  return ajv;
}
