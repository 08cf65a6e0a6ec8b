// The step `user` of the order of checks: the user behind `userId`. An unknown user is answered like an
// unverified one, so that user ids cannot be probed.
import { catalogError, fail, pass, type Checked } from './catalog-errors.ts';
import type { Partner, User } from './reference-state.ts';

export function checkUser(userId: string, partner: Partner, users: ReadonlyMap<string, User>): Checked<User> {
  const found = users.get(userId.toLowerCase());
  const user = found?.partnerIds.has(partner.id) ? found : undefined;
  if (user?.receiverAccount) return fail(catalogError('ReceiverCannotInitiate'));
  if (!user?.kycVerified) return fail(catalogError('UserNotVerified'));
  return pass(user);
}
