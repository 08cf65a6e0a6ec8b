// Runs Dredd over the scenario descriptions a batch at a time, in order, one Dredd run per batch.
// Before each run Dredd deep-copies its configuration, parsed descriptions included, with a copy
// that tracks every object it has seen in a list (dredd/build/addHooks.js, the `clone` package):
// the time grows with the square of the descriptions. One run of 241 descriptions spent 1.3 s in
// that copy alone, all of it without yielding to the event loop; batches keep each copy small.
import { EventEmitter } from 'node:events';
import { Dredd, type DreddConfig, type DreddStats } from './dredd-api.ts';

/** Descriptions per Dredd run: large enough that Dredd's own start-up per run stays negligible. */
export const dreddBatchSize = 16;

export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a positive integer, not ${size}`);
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/**
 * Runs one Dredd per batch of `config.apiDescriptions`, one after another; the stats add up. Each
 * run gets an emitter of its own (Dredd adds its reporters to the emitter it is given, so a shared
 * one would gather listeners run after run); `listen` attaches the caller's handlers to each.
 */
export async function runDreddInBatches(
  config: Omit<DreddConfig, 'emitter'>,
  listen: (emitter: EventEmitter) => void,
  size = dreddBatchSize,
): Promise<DreddStats> {
  if (config.apiDescriptions.length === 0) throw new Error('No scenario to run');
  const total: DreddStats = { tests: 0, failures: 0, errors: 0, passes: 0, skipped: 0, duration: 0 };
  for (const apiDescriptions of batchesOf(config.apiDescriptions, size)) {
    const emitter = new EventEmitter();
    listen(emitter);
    const stats = await new Promise<DreddStats>((resolve, reject) => {
      new Dredd({ ...config, apiDescriptions, emitter }).run((error, result) => (error ? reject(error) : resolve(result)));
    });
    for (const key of Object.keys(total) as (keyof DreddStats)[]) total[key] += stats[key];
  }
  return total;
}
