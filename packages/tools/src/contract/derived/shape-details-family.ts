// The family `shape-details`: faults of the body's shape (the step `shape`), each answered `400
// INVALID_USER_INPUT_ERROR` with a detail at the faulty value's JSON Pointer: a missing member
// (the member's own path), unknown members (escaped as the pointer syntax wants), bank details
// of no country, a holder of no type, a wrong type; and answers that stay within the spec's caps
// on details (a member name longer than a path may be, more faults than details may be listed).
import type { Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario, type RequestBody } from './derivation-context.ts';
import { requestBases } from './request-bases.ts';

export const shapeDetailsFamily = 'shape-details';

export function shapeDetailsScenarios(context: DerivationContext): Scenario[] {
  const valid = requestBases(context.named).find((b) => b.name === 'FiatInline')!.body;
  const withHolder = context.named.find((s) => s.family === 'created' && ((s.requestBody as RequestBody).userBankInformation as RequestBody)?.accountHolder);
  const scenarios: Scenario[] = [];
  const add = (name: string, summary: string, change: (body: RequestBody) => void, detailPaths: string[], from: RequestBody = valid, exactPaths = true) => {
    const body = structuredClone(from);
    change(body);
    scenarios.push(derivedScenario(context, shapeDetailsFamily, `shape.${name}`, summary, { body }, { row: 'InvalidUserInput', detailPaths, exactPaths }));
  };
  const bank = (body: RequestBody) => body.userBankInformation as RequestBody;
  add('missing-account', 'bank details without their account number', (b) => delete bank(b).accountIdentifier, ['/userBankInformation/accountIdentifier']);
  add('unknown-member', 'an unknown member', (b) => Object.assign(b, { extra: 1 }), ['/extra']);
  add('unknown-nested-member', 'an unknown member in the bank details', (b) => Object.assign(bank(b), { extra: 1 }), ['/userBankInformation/extra']);
  add('unknown-escaped-member', 'an unknown member named with / and ~', (b) => Object.assign(b, { 'a/b~c': 1 }), ['/a~1b~0c']);
  add('no-country', 'bank details without a country', (b) => delete bank(b).country, ['/userBankInformation/country']);
  add('unknown-country', 'bank details of a country without payouts', (b) => Object.assign(bank(b), { country: 'ZZ' }), ['/userBankInformation/country']);
  add('bank-details-null', 'bank details that are null', (b) => Object.assign(b, { userBankInformation: null }), ['/userBankInformation']);
  add(
    'account-number-as-number',
    'an account number written as a number',
    (b) => Object.assign(bank(b), { accountIdentifier: Number(bank(b).accountIdentifier) }),
    ['/userBankInformation/accountIdentifier'],
  );
  // A currency paid out to another country than the inline details' (the request schema's if/then rule).
  const otherCurrency = context.named.find(
    (s) => s.family === 'created' && (s.requestBody as RequestBody).fiatCurrency && (s.requestBody as RequestBody).fiatCurrency !== valid.fiatCurrency,
  );
  if (otherCurrency)
    add(
      'currency-of-another-country',
      `${String((otherCurrency.requestBody as RequestBody).fiatCurrency)} to the inline details of another country`,
      (b) => Object.assign(b, { fiatCurrency: (otherCurrency.requestBody as RequestBody).fiatCurrency }),
      ['/userBankInformation/country'],
    );
  const sepa = context.named.find((s) => s.family === 'created' && ((s.requestBody as RequestBody).userBankInformation as RequestBody)?.iban);
  if (sepa)
    add(
      'sepa-without-country',
      'SEPA details without a country',
      (b) => delete bank(b).country,
      ['/userBankInformation/country'],
      sepa.requestBody as RequestBody,
    );
  add('amount-as-text', 'an amount written as a string', (b) => Object.assign(b, { fiatAmount: String(b.fiatAmount) }), ['/fiatAmount']);
  add('user-id-form', 'a userId that is not a UUID', (b) => Object.assign(b, { userId: 'user-1' }), ['/userId']);
  add('user-id-form-and-member', 'a userId that is not a UUID and an unknown member', (b) => Object.assign(b, { userId: 'user-1', extra: 1 }), ['/userId']);
  // A bank check and a schema fault at once: a detail for each.
  const clabe = String(bank(valid).accountIdentifier);
  const wrongDigit = `${clabe.slice(0, 17)}${(Number(clabe[17]) + 1) % 10}`;
  add(
    'bank-check-and-member',
    'a CLABE with a wrong control digit and an unknown member',
    (b) => Object.assign(bank(b), { accountIdentifier: wrongDigit, extra: 1 }),
    ['/userBankInformation/accountIdentifier', '/userBankInformation/extra'],
  );
  for (const [name, userId] of [
    ['user-id-null', null],
    ['user-id-empty', ''],
  ] as const) {
    const body = { ...structuredClone(valid), userId };
    scenarios.push(derivedScenario(context, shapeDetailsFamily, `shape.${name}`, `userId ${JSON.stringify(userId)}`, { body }, { row: 'UserIdMissing' }));
  }
  if (withHolder) {
    const from = withHolder.requestBody as RequestBody;
    const holder = (body: RequestBody) => bank(body).accountHolder as RequestBody;
    add('holder-without-type', 'an account holder without a type', (b) => delete holder(b).type, ['/userBankInformation/accountHolder/type'], from);
    add(
      'holder-of-no-type',
      'an account holder of an unknown type',
      (b) => Object.assign(holder(b), { type: 'ROBOT' }),
      ['/userBankInformation/accountHolder/type'],
      from,
    );
  }
  // Within the caps of the error schema (checked by response-schema): a path of at most 300
  // characters, at most 50 details.
  add('long-member-name', 'an unknown member with a 400-character name', (b) => Object.assign(b, { ['n'.repeat(400)]: 1 }), []);
  add(
    'many-faults',
    'sixty unknown members',
    (b) => Object.assign(b, Object.fromEntries([...Array(60).keys()].map((i) => [`extra${i}`, i]))),
    ['/extra0'],
    valid,
    false,
  );
  return scenarios;
}
