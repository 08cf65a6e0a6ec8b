// The step `receiver` of the order of checks: the receiver must exist for this partner (another partner's
// is answered as unknown, so ids cannot be probed), belong to the user and be verified.
import { catalogError, fail, pass, type Checked } from './catalog-errors.ts';
import type { Partner, Receiver, User } from './reference-state.ts';

/** The receiver's id as stored, or `null` when the payout goes to the user. */
export function checkReceiver(
  receiverId: string | undefined,
  context: { partner: Partner; user: User; receivers: ReadonlyMap<string, Receiver> },
): Checked<string | null> {
  if (receiverId === undefined) return pass(null);
  const receiver = context.receivers.get(receiverId.toLowerCase());
  if (!receiver || receiver.partnerId !== context.partner.id) return fail(catalogError('ReceiverNotFound'));
  if (receiver.userId !== context.user.id) return fail(catalogError('ReceiverOfOtherUser'));
  if (!receiver.verified) return fail(catalogError('ReceiverNotVerified'));
  return pass(receiver.id);
}
