// The contract runs under way in this process, for the Dredd hook file to find its own. Dredd loads
// the hook file (dredd-hookfile.cjs) itself, once per Dredd run, and hands it only its hooks object;
// the file finds the contract run it belongs to by the id the runner put in Dredd's configuration
// (`custom.contractRunId`, which Dredd copies into `hooks.configuration`), so that several runs can
// go on at once in one process. Dredd's console reporter is one for the whole process: it prints
// while any run under way asks for Dredd's own output, and is as it was once none is left.
import { randomUUID } from 'node:crypto';
import { type DreddHooks, dreddReporterOutput } from './dredd-api.ts';

export interface ContractRunHooks {
  register(hooks: DreddHooks): void;
  /** Print Dredd's own console report for this run. */
  dreddOutput: boolean;
}

/** The symbol the hook file reads the runs by: a global, since Dredd loads the file itself. */
export const dreddRunsKey = Symbol.for('off-ramp-contract.dredd-runs');
type GlobalWithRuns = typeof globalThis & { [dreddRunsKey]?: Map<string, ContractRunHooks> };

const host = globalThis as GlobalWithRuns;
host[dreddRunsKey] ??= new Map<string, ContractRunHooks>();
const runs = host[dreddRunsKey];
const reporterConsole = dreddReporterOutput.default.transports.console;
let silentBefore = reporterConsole.silent;

function applyReporterSilence(): void {
  reporterConsole.silent = runs.size === 0 ? silentBefore : ![...runs.values()].some((run) => run.dreddOutput);
}

/** Registers a run; its id goes into Dredd's configuration, and `end` removes it again. */
export function beginContractRun(run: ContractRunHooks): { id: string; end(): void } {
  if (runs.size === 0) silentBefore = reporterConsole.silent;
  const id = randomUUID();
  runs.set(id, run);
  applyReporterSilence();
  return {
    id,
    end() {
      runs.delete(id);
      applyReporterSilence();
    },
  };
}
