// The penny test of a Mexican account: whether the created transaction's account is verified.
import { shown, type Deviation } from './deviation.ts';

export function checkPennyTest(expected: boolean, body: unknown): Deviation[] {
  const verified = (body as { data?: { bankAccount?: { isVerified?: unknown } } } | null)?.data?.bankAccount?.isVerified;
  return verified === expected ? [] : [{ check: 'penny-test', subject: 'data.bankAccount.isVerified', expected: String(expected), actual: shown(verified) }];
}
