// The steps body to bankSource of the order of checks (the spec's x-order-of-checks), written once.
// Two of them need server state, and are passed in: the partner behind a well-formed key (second
// half of authentication) and the user. The reference implementation looks them up (decide-off-ramp.ts); the
// mock's validating front takes any well-formed key as a known partner with the flow and skips the
// user (`decideWithoutState`), so both answer every state-free fault alike.
import { checkApiKeyForm } from './check-api-key-form.ts';
import { invalidUserInput, pass, type Checked, type ErrorAnswer } from './catalog-errors.ts';
import type { JsonBody } from './read-json-body.ts';
import { validateOffRampRequest, type OffRampRequest, type PreflightResult } from '@off-ramp/client';

export interface RequestInput {
  /** The `partner-api-key` header as Node gives it. */
  apiKey: string | string[] | undefined;
  body: JsonBody;
}

/** The checks of steps body to bankSource that need server state. */
export interface StatefulChecks<Partner, User> {
  /** authentication, second half: the partner of a well-formed key, and its flow. */
  partner(apiKey: string): Checked<Partner>;
  /** user: the user behind a `userId` of UUID form. */
  user(userId: string, partner: Partner): Checked<User>;
}

export interface CheckedRequest<Partner, User> {
  request: OffRampRequest;
  partner: Partner;
  user: User;
}

const preflightAnswer = ({ error: { status, ...error } }: Extract<PreflightResult, { ok: false }>): ErrorAnswer => ({
  status,
  body: { success: false, error },
});

export function checkRequestInOrder<Partner, User>(input: RequestInput, stateful: StatefulChecks<Partner, User>): Checked<CheckedRequest<Partner, User>> {
  // body: sent as JSON, within the size limit, parses, and (the preflight's 'body' check) is an object.
  // Stryker disable next-line ConditionalExpression,StringLiteral: without it the preflight answers the same fault with a detail at "" too (other wording).
  if (input.body.kind === 'fault') return { ok: false, answer: invalidUserInput([input.body.detail]) };
  const preflight = validateOffRampRequest(input.body.value);
  if (!preflight.ok && preflight.check === 'body') return { ok: false, answer: preflightAnswer(preflight) };

  // authentication: the key's form, then the partner and its flow.
  const apiKey = checkApiKeyForm(input.apiKey);
  if (!apiKey.ok) return apiKey;
  const partner = stateful.partner(apiKey.value);
  if (!partner.ok) return partner;

  // userId: present and a UUID.
  if (!preflight.ok && preflight.check === 'userId') return { ok: false, answer: preflightAnswer(preflight) };

  // user: not a receiver's account, known and KYC-verified.
  const user = stateful.user((input.body.value as { userId: string }).userId, partner.value);
  if (!user.ok) return user;

  // shape, pricingSource, bankSource (the preflight's order).
  if (!preflight.ok) return { ok: false, answer: preflightAnswer(preflight) };
  return pass({ request: preflight.value, partner: partner.value, user: user.value });
}

// Stryker disable all: the mock's validating front calls this, never the reference implementation.
/**
 * The steps body to bankSource without server state: a well-formed key counts as a known partner with the flow,
 * and the user as known and verified. A failure is exactly the reference implementation's answer;
 * a pass means only that the answer depends on state.
 */
export function decideWithoutState(input: RequestInput): Checked<OffRampRequest> {
  const checked = checkRequestInOrder(input, { partner: (apiKey) => pass(apiKey), user: () => pass(undefined) });
  return checked.ok ? pass(checked.value.request) : checked;
}
// Stryker restore all
