// The family `penny-test`: a Mexican account given inline is verified only when it is the CLABE of
// the user's verified saved account (the spec's QuoteWithSavedBank answer shows it); any other
// CLABE is a first-time account, `isVerified: false` until its penny test passes.
import type { Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario, type RequestBody } from './derivation-context.ts';
import { requestBases } from './request-bases.ts';

export const pennyTestFamily = 'penny-test';

export function pennyTestScenarios(context: DerivationContext): Scenario[] {
  // Another amount than the stateful family's request, so that each scenario sends its own request.
  const base = requestBases(context.named).find((b) => b.name === 'FiatInline')!.body;
  const firstTime = { ...base, fiatAmount: Number(base.fiatAmount) + 1 };
  const saved = context.named.find((s) => s.family === 'created' && (s.requestBody as RequestBody).userBankInformationId !== undefined);
  const savedAccount = (saved?.responseExample as { data?: { bankAccount?: { country?: string; accountIdentifier?: string; isVerified?: boolean } } })?.data
    ?.bankAccount;
  const scenarios: Scenario[] = [
    {
      ...derivedScenario(context, pennyTestFamily, 'penny.first-time', 'a CLABE the user has not saved', { body: firstTime }, { created: true }),
      expectedBankVerified: false,
    },
  ];
  if (savedAccount?.country === 'MX' && savedAccount.accountIdentifier && savedAccount.isVerified) {
    const body = { ...structuredClone(firstTime), userBankInformation: { country: 'MX', accountIdentifier: savedAccount.accountIdentifier } };
    scenarios.push({
      ...derivedScenario(context, pennyTestFamily, 'penny.verified-saved', "the CLABE of the user's verified saved account", { body }, { created: true }),
      expectedBankVerified: true,
    });
  }
  return scenarios;
}
