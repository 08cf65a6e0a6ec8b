// Judges one scenario's answer: every check the contract suite adds to Dredd's, in one place.
import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { schemaValidator, type BundledSpec } from '../spec/spec-schemas.ts';
import { checkCatalogError } from './checks/catalog-error.ts';
import { checkContentType } from './checks/content-type.ts';
import { checkCreatedAt } from './checks/created-at.ts';
import { checkCreatedTransaction, type CreatedTransactionRules } from './checks/created-transaction.ts';
import type { CheckId } from './checks/check-ids.ts';
import type { Judgement } from './checks/check-selection.ts';
import { shown, type Deviation } from './checks/deviation.ts';
import { checkNoRedirect } from './checks/no-redirect.ts';
import { judgeOutsideRoute } from './checks/outside-route.ts';
import { checkPennyTest } from './checks/penny-test.ts';
import { checkResponseSchema } from './checks/response-schema.ts';
import { RunUniqueness } from './checks/run-uniqueness.ts';
import type { Scenario } from './scenarios.ts';

export interface ObservedResponse {
  statusCode: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** When the request was sent and the answer received (ms since the epoch). */
  sentAt: number;
  receivedAt: number;
  /** The URL the request was sent to, to name a redirect's target origin. */
  url?: string;
}

export interface ResponseJudge {
  judge(scenario: Scenario, sentRequest: unknown, response: ObservedResponse): Judgement;
}

/**
 * A judge for one contract run (uniqueness is checked across the answers it sees), using an Ajv
 * that knows the spec's schemas (`createSpecAjv`, or `sharedSpecAjv` to share it between runs). A mock answers with the spec's examples, whose
 * timestamps are fixed: `liveTransactions: false` skips the check that createdAt is the time of
 * the request.
 */
export function createResponseJudge(spec: BundledSpec, ajv: Ajv2020, options: { liveTransactions: boolean }): ResponseJudge {
  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (name: string) => validators.get(name) ?? validators.set(name, schemaValidator(ajv, name)).get(name)!;
  const bankAccountProperties = Object.keys((spec.components.schemas.BankAccount as { properties: object }).properties);
  const rules: CreatedTransactionRules = {
    echoedBankFields: bankAccountProperties.filter((field) => field !== 'isVerified'),
    currencyMatchesBankCountry: validatorOf('FiatCurrencyMatchesBankCountry'),
  };
  const uniqueness = new RunUniqueness();

  return {
    judge(scenario, sentRequest, response) {
      if (scenario.method !== undefined) return judgeOutsideRoute(scenario, response);
      const deviations: Deviation[] = [];
      const checked: CheckId[] = ['transport', 'status', 'no-redirect', 'content-type', 'json-body'];
      const judged = () => ({ checked, deviations });
      if (response.statusCode !== scenario.status) deviations.push({ check: 'status', expected: String(scenario.status), actual: String(response.statusCode) });
      deviations.push(...checkNoRedirect(response.statusCode, response.headers.location, response.url));
      deviations.push(...checkContentType(response.headers['content-type']));
      let body: unknown;
      try {
        body = JSON.parse(response.body);
      } catch {
        deviations.push({ check: 'json-body', expected: 'a JSON document', actual: shown(response.body.slice(0, 200)) });
        return judged();
      }
      checked.push('response-schema');
      deviations.push(...checkResponseSchema(scenario.responseSchema, validatorOf(scenario.responseSchema), body));
      const envelope = body as { success?: unknown; error?: { code?: unknown; message?: unknown } } | null;
      if (!scenario.catalogRow) checked.push('created-not-error');
      if (!scenario.catalogRow && envelope?.success === false) {
        // An error where a transaction was expected: name the error instead of listing every missing field.
        deviations.push({
          check: 'created-not-error',
          expected: 'the created transaction',
          actual: `error ${shown(envelope.error?.code)} ${shown(envelope.error?.message)}`,
        });
        return judged();
      }
      if (scenario.catalogRow) {
        checked.push('catalog-code', 'catalog-message', 'catalog-details');
        deviations.push(
          ...checkCatalogError(scenario.catalogRow, body, scenario.responseExample, scenario.expectedMessage, {
            paths: scenario.exactDetailPaths,
            messages: scenario.exactDetailMessages,
          }),
        );
      } else {
        checked.push('transaction-echo', 'transaction-amounts', 'transaction-payout-country', 'unique-in-run');
        deviations.push(...checkCreatedTransaction(rules, sentRequest, body));
        deviations.push(...uniqueness.check(scenario.name, body));
        if (scenario.expectedBankVerified !== undefined) {
          checked.push('penny-test');
          deviations.push(...checkPennyTest(scenario.expectedBankVerified, body));
        }
        if (options.liveTransactions) {
          checked.push('created-at');
          deviations.push(...checkCreatedAt((body as { data?: { createdAt?: unknown } }).data?.createdAt, response));
        }
      }
      return judged();
    },
  };
}
