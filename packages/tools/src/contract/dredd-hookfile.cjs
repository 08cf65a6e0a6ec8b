// Dredd loads hook files with require() and passes its hooks object as the stubbed module
// `hooks`. The contract runner, in the same process, has put its hook registration under this
// symbol before starting Dredd; this file only hands the hooks object over.
// @ts-expect-error `hooks` exists only inside Dredd's proxyquire stub.
const hooks = require('hooks');

const register = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for('off-ramp-contract.register-dredd-hooks')];
if (typeof register !== 'function') throw new Error('The Dredd hook file runs only inside the off-ramp contract runner (off-ramp-contract contract)');
register(hooks);
