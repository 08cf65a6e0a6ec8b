// The Dredd hooks of the contract suite. Dredd sends each scenario's request, through the
// exchange gate, and checks the status; these hooks make the request the scenario's own
// (fixtures, Prefer, transport padding; the gate adds the API key) and judge the whole answer the
// gate recorded (transport, schema, catalog row, consistency with the request, Content-Type).
import type { CheckId } from './checks/check-ids.ts';
import { type Judgement, withSelectedChecks } from './checks/check-selection.ts';
import { formatDeviation } from './checks/deviation.ts';
import type { DreddHooks, DreddTransaction } from './dredd-api.ts';
import { scenarioHeader, type GateRecord } from './exchange-gate.ts';
import type { FixtureSubstitution } from './fixtures.ts';
import type { ResponseJudge } from './judge-response.ts';
import type { Scenario } from './scenarios.ts';
import { preferExampleHeader } from './targets.ts';
import { padForTransportScenario } from './transport-padding.ts';

export interface ContractHookContext {
  scenarios: ReadonlyMap<string, Scenario>;
  substitute: FixtureSubstitution;
  /** Ask `prism mock` for each scenario's own example. */
  preferExamples: boolean;
  judge: ResponseJudge;
  /** The gate's record of a scenario's exchange. */
  recordOf: (scenario: string) => GateRecord | undefined;
  /** The URL requests are meant for (the server under test), for redirect messages. */
  targetUrl: string;
  /** The checks the run makes (`transport` always among them). */
  checks: ReadonlySet<CheckId>;
  /** Filled by the hooks: each scenario's judgement (the checks made, the deviations found). */
  judgements: Map<string, Judgement>;
}

export function registerContractHooks(hooks: DreddHooks, context: ContractHookContext): void {
  const scenarioOf = (transaction: DreddTransaction): Scenario => {
    const scenario = context.scenarios.get(transaction.origin.apiName);
    if (!scenario) throw new Error(`Dredd ran a transaction of no known scenario: ${transaction.name}`);
    return scenario;
  };

  hooks.beforeEach((transaction) => {
    const scenario = scenarioOf(transaction);
    transaction.skip = false; // every scenario runs, whatever its status
    transaction.id = `${scenario.name} (POST ${scenario.status})`; // the name reporters and the xunit file show
    const headers = transaction.request.headers;
    // A body that is not JSON is sent as its bytes; it carries no fixture.
    transaction.request.body =
      scenario.method !== undefined ? '' : (scenario.rawBody ?? JSON.stringify(context.substitute(JSON.parse(transaction.request.body))));
    // No key here: the gate adds it (the descriptions carry none), so Dredd never holds one.
    headers[scenarioHeader] = scenario.name;
    if (context.preferExamples) headers.Prefer = preferExampleHeader(scenario);
    const padded = padForTransportScenario(scenario, { body: transaction.request.body, headers });
    transaction.request.body = padded.body;
    transaction.request.headers = padded.headers;
  });

  hooks.beforeEachValidation((transaction) => {
    // Dredd's own body check only looks for the example's keys, and its header check wants the
    // Content-Type to equal "application/json" exactly (no charset). The hooks check both fully
    // (schema, catalog row, Content-Type with charset allowed), so Dredd keeps the status check.
    // Without expected headers Gavel skips its header check, which compiles a JSON Schema with an
    // Ajv of its own per transaction (about a tenth of a contract run's CPU).
    delete transaction.expected.body;
    delete transaction.expected.headers;
    // Without the status check selected, Dredd's own comparison must not fail the scenario either.
    if (!context.checks.has('status') && transaction.real) transaction.expected.statusCode = String(transaction.real.statusCode);
  });

  hooks.afterEach((transaction) => {
    const scenario = scenarioOf(transaction);
    const record = context.recordOf(scenario.name);
    let judgement: Judgement;
    const noExchange = (actual: string): Judgement => ({
      checked: ['transport'],
      deviations: [{ check: 'transport', expected: 'a complete answer within the deadline and the size cap', actual }],
    });
    if (!record) {
      judgement = noExchange('none was recorded (Dredd could not send the request)');
    } else if (!record.result.ok) {
      judgement = noExchange(record.result.message);
    } else {
      const { status, headers, body } = record.result;
      const sent = scenario.rawBody === undefined && scenario.method === undefined ? JSON.parse(transaction.request.body) : undefined;
      judgement = context.judge.judge(scenario, sent, {
        statusCode: status,
        headers,
        body: body.toString('utf8'),
        sentAt: record.sentAt,
        receivedAt: record.receivedAt,
        url: context.targetUrl,
      });
    }
    judgement = withSelectedChecks(judgement, context.checks);
    context.judgements.set(scenario.name, judgement);
    const { deviations } = judgement;
    if (deviations.length === 0) return;
    const message = `${scenario.name}: ${deviations.map(formatDeviation).join('\n')}`;
    transaction.fail = message;
    if (transaction.test) transaction.test.message = message;
  });
}
