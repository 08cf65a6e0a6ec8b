// The closed list of the checks the contract and fuzz runners make on an answer, each with a
// stable id and what it asserts. Deviations, the printed report, the JUnit report and the
// fault-injection tests name a check by its id, never by its wording.
export const contractChecks = {
  transport: 'The exchange completes: the request is sent and answered in full within the deadline and the size cap',
  'no-redirect': 'The answer is not a redirect (a 3xx is never followed)',
  status: "The status is the scenario's",
  'content-type': 'Content-Type is application/json (charset=utf-8 allowed)',
  'json-body': 'The body is JSON',
  'response-schema': "The body is valid against its status' schema",
  'created-not-error': 'A scenario that creates a transaction gets the transaction, not an error',
  'catalog-code': "error.code is the catalog row's",
  'catalog-message': "error.message is the catalog row's, or fills its template",
  'catalog-details': 'error.details come only with INVALID_USER_INPUT_ERROR, and name the faulty fields',
  'transaction-echo': 'The transaction is the one asked for: user, receiver, spread, currency, chain, token, amounts and bank details echo the request',
  'transaction-amounts': 'data.fiatAmount = data.cryptoAmount x data.exchangeRate, to the cent',
  'transaction-payout-country': 'data.fiatCurrency pays out to data.bankAccount.country',
  'unique-in-run': 'Transaction ids and deposit addresses are unique across the run',
  'created-at': 'data.createdAt is in UTC and the time of the request',
  'penny-test': "A Mexican account is isVerified only when the user's verified saved account has its CLABE",
  'unsupported-method': 'Another method on the path is answered 405 with Allow: POST, without a body',
  relation: 'Answers agree with each other: a higher premiumSpread pays out less per token, by that fraction; the same quote gives the same terms',
  property: 'A generated property holds (the fuzz runner: no error while checking a case)',
} as const;

export type CheckId = keyof typeof contractChecks;

export const checkIds = Object.keys(contractChecks) as CheckId[];
