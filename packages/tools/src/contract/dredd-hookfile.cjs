// Dredd loads hook files with require() and passes its hooks object as the stubbed module `hooks`.
// The contract runner, in the same process, has registered its run (dredd-run-registry.ts) under
// this symbol, and put the run's id into Dredd's configuration, which Dredd copies into
// `hooks.configuration`; this file only hands the hooks object to that run.
// @ts-expect-error `hooks` exists only inside Dredd's proxyquire stub.
const hooks = require('hooks');

const runs = /** @type {Map<string, { register(hooks: unknown): void }> | undefined} */ (
  /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for('off-ramp-contract.dredd-runs')]
);
const runId = hooks.configuration?.custom?.contractRunId;
const run = runs?.get(runId);
if (!run) throw new Error('The Dredd hook file runs only inside the off-ramp contract runner (off-ramp-contract contract)');
run.register(hooks);
