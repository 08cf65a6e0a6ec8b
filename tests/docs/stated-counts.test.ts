// The counts and step numbers the Markdown pages state by hand, each derived from where the fact
// lives: the bundled spec (its catalog, schemas and x-order-of-checks), the Arazzo scenarios and
// the tools' own lists. A row per statement: it fails when the text and the source disagree, and
// when the statement is gone (then drop its row). Measured figures with their date are not here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { apiKeyPattern } from '../../packages/client/generated/protocol.ts';
import { maxDetailLines } from '../../packages/tools/src/contract/report.ts';
import { requestMutations } from '../../packages/tools/src/fuzz/request-mutations.ts';
import { errorCatalogFromSpec } from '../../packages/tools/src/spec/error-catalog.ts';
import { orderOfChecks, stepIndex } from '../../packages/tools/src/spec/order-of-checks.ts';
import { enumOf } from '../../packages/tools/src/spec/schema-facts.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { passes, scenarios, spec } from '../support/spec.ts';

const catalog = errorCatalogFromSpec(spec);
const steps = orderOfChecks(spec);
const at = (step: string) => stepIndex(steps, step);
const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const schemas = spec.components.schemas as Record<string, any>;
const resolveSchema = (schema: any): any => (typeof schema?.$ref === 'string' ? resolveSchema(schemas[schema.$ref.split('/').pop()]) : schema);

/** Rows of the transport step that no other step answers with: the limits the contract adds to the provider's catalog. */
const transportLimits = steps[at('transport')]!.rows.filter((row) => steps.every((other) => other.step === 'transport' || !other.rows.includes(row)));
/** The request's either/or rules (members of its allOf that are a oneOf) and the shapes they make together. */
const eitherOrRules = schemas.OffRampRequest.allOf.map(resolveSchema).filter((rule: any) => Array.isArray(rule.oneOf));
const successes = scenarios.filter((scenario) => scenario.status === 201).length;
/** Scenarios whose body the request schema rejects (the padded transport body aside). */
const schemaInvalidBodies = scenarios.filter((scenario) => scenario.requestText === undefined && !passes('OffRampRequest', scenario.requestBody)).length;
const stalled = scenarios.filter((scenario) => scenario.stallAfterBytes !== undefined);
const keyLength = Number(/\{(\d+)\}\$$/.exec(apiKeyPattern)?.[1]);

interface StatedCount {
  file: string;
  /** The statement, with one group per number it states; whitespace in the file is read as one space. */
  stated: RegExp;
  /** The number each group must state. */
  want: number[];
}

interface StatedSteps {
  file: string;
  /** The statement (`statement(before, after)`), whose one group lists step numbers: `4, 8 to 10, 11`, `1, 3 and 5 to 7`, `8 onwards`. */
  stated: RegExp;
  /** The step numbers it must name. */
  want: number[];
}

const stepList = String.raw`(\d+(?:(?:, | and | to )\d+)*(?: onwards)?)`;
const statement = (before: string, after: string) => new RegExp(`${before}${stepList}${after}`);

const statedCounts: [string, StatedCount][] = [
  ['successes (client)', { file: 'docs/client.md', stated: /for each of the (\S+) successes and (\S+) catalog rows/, want: [successes, catalog.length] }],
  ['successes (contract suite)', { file: 'docs/contract-suite.md', stated: /what it must get back\): (\S+) successes/, want: [successes] }],
  [
    'successes and catalog rows (mock)',
    { file: 'docs/contract-suite.md', stated: /the (\S+) successes and all (\S+) catalog rows/, want: [successes, catalog.length] },
  ],
  ['catalog errors the client is tested with', { file: 'docs/development.md', stated: /each of the (\S+) catalog errors/, want: [catalog.length] }],
  ['transport limits (client)', { file: 'docs/client.md', stated: /the seed's and the (\S+) transport limits/, want: [transportLimits.length] }],
  [
    'transport limits (openapi/README.md)',
    { file: 'openapi/README.md', stated: /the provider's rows and (\S+) transport limits/, want: [transportLimits.length] },
  ],
  [
    "the provider's rows and the transport limits (catalog table)",
    {
      file: 'openapi/paths/api_partner_v2_off-ramp.md',
      stated: /The first (\S+) rows are the provider's; the last (\S+) are transport limits/,
      want: [catalog.length - transportLimits.length, transportLimits.length],
    },
  ],
  ['range templates (client)', { file: 'docs/client.md', stated: /for the (\S+) range templates/, want: [catalog.filter((row) => row.messagePattern).length] }],
  [
    'range templates (contract suite)',
    { file: 'docs/contract-suite.md', stated: /the (\S+) range messages as templates/, want: [catalog.filter((row) => row.messagePattern).length] },
  ],
  [
    'range templates (development)',
    { file: 'docs/development.md', stated: /the (\S+) range messages are templates/, want: [catalog.filter((row) => row.messagePattern).length] },
  ],
  // No Arazzo runner can stall a request part-way: respect runs every workflow but the stalled one.
  [
    'workflows respect passes',
    { file: 'docs/contract-suite.md', stated: /passes (\S+) of (\S+) workflows/, want: [scenarios.length - stalled.length, scenarios.length - stalled.length] },
  ],
  [
    'bytes sent before the stall',
    { file: 'docs/contract-suite.md', stated: /the first (\S+) bytes of the body/, want: stalled.map((scenario) => scenario.stallAfterBytes!) },
  ],
  ['schema-invalid bodies (Prism proxy)', { file: 'docs/contract-suite.md', stated: /the (\S+) schema-invalid bodies/, want: [schemaInvalidBodies] }],
  ['schema-invalid bodies (second proxy)', { file: 'docs/contract-suite.md', stated: /the answers to the (\S+) bodies/, want: [schemaInvalidBodies] }],
  ['schema-level error scenarios', { file: 'docs/development.md', stated: /the (\S+) schema-level error scenarios/, want: [schemaInvalidBodies] }],
  ['kinds of fuzz violation', { file: 'docs/contract-suite.md', stated: /targeted violation \((\S+) kinds:/, want: [requestMutations.length] }],
  ['details under a FAIL line', { file: 'docs/contract-suite.md', stated: /at most (\S+) one-line details/, want: [maxDetailLines] }],
  ['SEPA countries', { file: 'docs/development.md', stated: /one of the (\S+) SEPA countries/, want: [enumOf(spec, 'SepaCountryCode').length] }],
  ['key length (client)', { file: 'docs/client.md', stated: /`pk_test_` and (\S+) letters or digits/, want: [keyLength] }],
  ['key length (fixtures)', { file: 'docs/reference-implementation.md', stated: /`pk_test_` \+ (\S+) letters and digits/, want: [keyLength] }],
  ['key length (fixed fixture)', { file: 'docs/reference-implementation.md', stated: /it now has (\d+)\./, want: [keyLength] }],
  [
    'bank variants and account holders',
    {
      file: 'docs/development.md',
      stated: /the (\S+) bank variants and the (\S+) account holders/,
      want: [schemas.BankInformation.oneOf.length, schemas.AccountHolder.oneOf.length],
    },
  ],
  [
    'either/or rules and their shapes',
    {
      file: 'docs/development.md',
      stated: /the (\S+) rules become one `oneOf` of their (\S+) named pairs/,
      want: [eitherOrRules.length, eitherOrRules.reduce((shapes: number, rule: any) => shapes * rule.oneOf.length, 1)],
    },
  ],
];

const statedSteps: [string, StatedSteps][] = [
  [
    'steps a preflight can make',
    {
      file: 'openapi/paths/api_partner_v2_off-ramp.md',
      stated: statement('preflight can reproduce steps ', ' without calling the server'),
      want: steps.flatMap((step, index) => (step.preflight ? [index] : [])),
    },
  ],
  [
    'steps that need the server',
    {
      file: 'openapi/paths/api_partner_v2_off-ramp.md',
      stated: statement('without calling the server; steps ', ' need server state'),
      want: steps.flatMap((step, index) => (!step.preflight && step.step !== 'transport' ? [index] : [])),
    },
  ],
  [
    'steps of the front (twice)',
    { file: 'docs/contract-suite.md', stated: statement('steps ', ' (?:of the order of checks|with\\):)'), want: span(at('body'), at('bankSource')) },
  ],
  ['steps written once', { file: 'docs/reference-implementation.md', stated: statement('Steps ', ' written once'), want: span(at('body'), at('bankSource')) }],
  ["the key's form", { file: 'docs/reference-implementation.md', stated: statement('Step ', ": the key's form"), want: [at('authentication')] }],
  [
    'the stateful checks',
    {
      file: 'docs/reference-implementation.md',
      stated: statement('`check-amount-limits.ts` \\| Steps ', '\\. \\|'),
      want: [at('user'), ...span(at('quote'), at('chainToken')), at('savedBank'), at('receiver'), at('amounts')],
    },
  ],
  ['the body step (refusals)', { file: 'docs/reference-implementation.md', stated: statement('Step ', ' also refuses'), want: [at('body')] }],
  [
    'the body step (not an object)',
    { file: 'docs/reference-implementation.md', stated: statement('answer is step ', ', before authentication'), want: [at('body')] },
  ],
];

const numberWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A number as the pages write it: digits, or a word up to twelve. */
function numberIn(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const word = numberWords.indexOf(text.toLowerCase());
  return word >= 0 ? word : undefined;
}

/** Step numbers as the pages list them: `4, 8 to 10, 11`, `1, 3 and 5 to 7`, `2, 4 and 8 onwards`. */
function stepsIn(text: string): number[] | undefined {
  const parts = text.split(/, | and /).map((part) => /^(\d+)(?: to (\d+)| (onwards))?$/.exec(part));
  if (parts.some((part) => part === null)) return undefined;
  return parts.flatMap((part) => span(Number(part![1]), part![3] ? steps.length - 1 : Number(part![2] ?? part![1])));
}

/**
 * What is wrong with a page's statement: not found, or a group that does not read as the source's
 * value (`want[i]` for group i, read by `read`).
 */
function disagreements(text: string, stated: RegExp, want: unknown[], read: (group: string) => unknown): string[] {
  const found = [...text.replace(/\s+/g, ' ').matchAll(new RegExp(stated.source, 'g'))];
  if (found.length === 0) return [`no statement matches ${stated}`];
  return found.flatMap((match) =>
    match.slice(1).flatMap((group, i) => {
      const [got, wanted] = [JSON.stringify(read(group!)), JSON.stringify(want[i])];
      return got === wanted ? [] : [`"${match[0]}" states ${group} (read as ${got}); the source says ${wanted}`];
    }),
  );
}

const pageText = (file: string) => readFileSync(resolve(projectRoot, file), 'utf8');

describe('counts the pages state agree with their source', () => {
  test.each(statedCounts)('%s', (_, { file, stated, want }) => {
    expect(disagreements(pageText(file), stated, want, numberIn), file).toEqual([]);
  });

  test.each(statedSteps)('step numbers: %s', (_, { file, stated, want }) => {
    expect(disagreements(pageText(file), stated, [want], stepsIn), file).toEqual([]);
  });
});

describe('the check finds a stale statement', () => {
  test.each([
    ['a wrong digit count', 'for each of the 6 successes and 25 catalog rows', /for each of the (\S+) successes and (\S+) catalog rows/, [6, 26], numberIn],
    ['a wrong word count', 'the last two are transport limits', /the last (\S+) are transport limits/, [3], numberIn],
    ['a count that is not a number', 'the few successes', /the (\S+) successes/, [6], numberIn],
    ['a statement that is gone', 'the catalog rows', /the (\S+) catalog rows/, [26], numberIn],
    ['a step missing from a list', 'steps 1, 3 and 5 to 6 without', statement('steps ', ' without'), [[1, 3, 5, 6, 7]], stepsIn],
    ['a list that stops short', 'steps 2, 4 and 8 to 12 need', statement('steps ', ' need'), [[2, 4, ...span(8, 13)]], stepsIn],
  ] as [string, string, RegExp, unknown[], (group: string) => unknown][])('%s', (_, text, stated, want, read) => {
    expect(disagreements(text, stated, want, read)).toHaveLength(1);
  });

  test('and reads the statements as the pages write them', () => {
    expect(stepsIn('2, 4 and 8 onwards')).toEqual([2, 4, ...span(8, steps.length - 1)]);
    expect(stepsIn('4, 8 to 10, 11, 12, 13')).toEqual([4, 8, 9, 10, 11, 12, 13]);
    expect(numberIn('three')).toBe(3);
    expect(disagreements('passes 31 of 31 workflows', /passes (\S+) of (\S+) workflows/, [31, 31], numberIn)).toEqual([]);
  });
});
