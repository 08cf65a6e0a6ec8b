// A new transaction's createdAt is the time it was created: now, in UTC. Server clocks may be off
// by a little (NTP keeps them within a second; the tolerance allows minutes), not by hours.
import { shown, type Deviation } from './deviation.ts';

export const clockSkewToleranceMs = 5 * 60_000;

const utcDateTime = /(Z|[+-]00:00)$/i;

/** @param window when the request was sent and the answer received (ms since the epoch) */
export function checkCreatedAt(createdAt: unknown, window: { sentAt: number; receivedAt: number }): Deviation[] {
  if (typeof createdAt !== 'string') return []; // the schema reports a missing or mistyped createdAt
  if (!utcDateTime.test(createdAt))
    return [{ check: 'created-at', subject: 'data.createdAt is in UTC', expected: 'a date-time ending in Z', actual: shown(createdAt) }];
  const at = Date.parse(createdAt);
  if (at >= window.sentAt - clockSkewToleranceMs && at <= window.receivedAt + clockSkewToleranceMs) return [];
  return [
    {
      check: 'created-at',
      subject: 'data.createdAt is the time of the request',
      expected: `within 5 minutes of ${new Date(window.sentAt).toISOString()}`,
      actual: shown(createdAt),
    },
  ];
}
