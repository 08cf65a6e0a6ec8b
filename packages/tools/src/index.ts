// The tools package as a library, for a team's own scripts: what the off-ramp-contract bin runs.
export { runContractSuite } from './contract/run-contract-suite.ts';
export type { ContractRunOptions, ContractRunResult, ScenarioResult, Verdict } from './contract/run-contract-suite.ts';
export { formatCoverageTable, formatScenarioLines } from './contract/report.ts';
export { runFuzz } from './fuzz/run-fuzz.ts';
// The bin's commands as functions of their arguments, printing through `io`.
export { contractCommand } from './contract/contract-command.ts';
export { fuzzCommand } from './fuzz/fuzz-command.ts';
export type { CommandIo } from './cli/command-io.ts';
export type { FuzzFailure, FuzzOptions, FuzzReport } from './fuzz/run-fuzz.ts';
export { startMock } from './prism/start-mock.ts';
export type { MockOptions, MockServer } from './prism/start-mock.ts';
export { startReferenceServer } from './reference/start-reference-server.ts';
export type { ReferenceServer, ReferenceServerOptions } from './reference/start-reference-server.ts';
export type { CloseOptions } from './reference/start-http-front.ts';
export { buildDocs } from './docs/build-docs.ts';
export { loadBundledSpec } from './spec/spec-schemas.ts';
export { arazzoPath, bundledSpecPath, defaultFixturesPath } from './spec/contract-files.ts';
