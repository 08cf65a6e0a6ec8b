// The derived scenarios: families generated from the spec, the named scenarios and the fixtures,
// run beside the named ones. Which families a run can make depends on the target and on what the
// fixtures state; each family or case left out is reported with its reason.
import type { BundledSpec } from '../../spec/spec-schemas.ts';
import type { Fixtures } from '../fixtures.ts';
import { partnerAgreementOf } from '../partner-agreement.ts';
import type { Scenario } from '../scenarios.ts';
import { boundaryFamily, boundaryScenarios } from './boundary-family.ts';
import { derivationContext } from './derivation-context.ts';
import { faultPairFamily, faultPairScenarios } from './fault-pair-family.ts';
import { type Relation, relationFamily, relationScenarios } from './relation-family.ts';
import { requestFormFamily, requestFormScenarios } from './request-form-family.ts';
import { statefulFamily, statefulScenarios } from './stateful-family.ts';
import { methodFamily, methodScenarios } from './method-family.ts';
import { bankDetailsFamily, bankDetailsScenarios } from './bank-details-family.ts';
import { shapeDetailsFamily, shapeDetailsScenarios } from './shape-details-family.ts';
import { pennyTestFamily, pennyTestScenarios } from './penny-test-family.ts';

/** The families, in the order they run and are reported; each name is its file's. */
export const derivedFamilies = [
  statefulFamily,
  faultPairFamily,
  boundaryFamily,
  relationFamily,
  requestFormFamily,
  bankDetailsFamily,
  shapeDetailsFamily,
  pennyTestFamily,
  methodFamily,
] as const;

export interface SkippedDerivation {
  family: string;
  /** The case left out, or the family's name when the whole family is. */
  name: string;
  reason: string;
}

export interface DerivedSuite {
  scenarios: Scenario[];
  relations: Relation[];
  skipped: SkippedDerivation[];
}

/** What a scenario sends, as one string: the body (members sorted), the key, its spoiling, the headers. */
function requestKey(scenario: Scenario): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
          )
        : value;
  return JSON.stringify([
    sorted(scenario.requestBody),
    scenario.rawBody,
    scenario.requestText,
    scenario.apiKeyFixture,
    scenario.apiKeyVariant,
    sorted(scenario.requestHeaders),
  ]);
}

/**
 * The derived families for a run with `chosen` fixtures (requests are written with the default
 * fixtures' identities and substituted, like the named scenarios; the limits are the chosen file's).
 */
export function derivedScenarios(spec: BundledSpec, named: readonly Scenario[], defaults: Fixtures, chosen: Fixtures): DerivedSuite {
  const context = derivationContext(spec, named, defaults, partnerAgreementOf(chosen));
  const pairs = faultPairScenarios(context);
  const boundaries = boundaryScenarios(context);
  const relations = relationScenarios(context);
  const forms = requestFormScenarios(context);
  const banks = bankDetailsScenarios(context);
  // A derived request that a named scenario (or an earlier derived one) already sends adds nothing;
  // a relation's scenarios stay, as the relation needs their own answers.
  const sent = new Set(named.map(requestKey));
  const distinct = (scenario: Scenario) => !sent.has(requestKey(scenario)) && Boolean(sent.add(requestKey(scenario)));
  const scenarios = [
    ...[...statefulScenarios(context), ...pairs.scenarios, ...boundaries.scenarios].filter(distinct),
    ...relations.scenarios,
    ...forms.scenarios.filter(distinct),
    ...banks.scenarios.filter(distinct),
    ...shapeDetailsScenarios(context).filter(distinct),
    ...pennyTestScenarios(context),
    ...methodScenarios(),
  ];
  const names = new Set<string>();
  for (const scenario of [...named, ...scenarios]) {
    if (names.has(scenario.name)) throw new Error(`Two scenarios are named ${scenario.name}`);
    names.add(scenario.name);
  }
  return {
    scenarios,
    relations: relations.relations,
    skipped: [
      ...pairs.skipped.map((s) => ({ family: faultPairFamily, ...s })),
      ...boundaries.skipped.map((s) => ({ family: boundaryFamily, ...s })),
      ...forms.skipped.map((s) => ({ family: requestFormFamily, ...s })),
      ...banks.skipped.map((s) => ({ family: bankDetailsFamily, ...s })),
    ],
  };
}
