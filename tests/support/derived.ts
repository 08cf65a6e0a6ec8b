// The derived scenarios of a run with the default fixtures against a server (what the contract
// runner adds to the named ones), for tests that count or select them.
import { defaultFixturesPath, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { derivedScenarios } from '../../packages/tools/src/contract/derived/derived-scenarios.ts';
import { scenarios, spec } from './spec.ts';

const defaults = loadFixtures(defaultFixturesPath);

export const derivedSuite = derivedScenarios(spec, scenarios, defaults, defaults);
export const derivedNames = derivedSuite.scenarios.map((s) => s.name);
