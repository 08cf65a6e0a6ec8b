// The client and `client.api` against every hostile behavior of support/hostile-servers.ts:
// the verdict, a bounded wall time, bounded memory, no request to the redirect target, and the
// key nowhere in what the caller gets back.
import { inspect } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createOffRampClient,
  OffRampRedirectError,
  OffRampResponseTooLargeError,
  type CreateOffRampResult,
  type OffRampRequest,
} from '../../packages/client/src/index.ts';
import { hostileBehaviors, startHostileServer, type HostileBehavior, type HostileServer } from '../../support/hostile-servers.ts';
import { requestExamples } from '../support/spec.ts';

const apiKey = 'pk_test_HOSTILE-3b9e1f7a2c5d8e04';
const body = requestExamples.FiatAmountToMexico!.value as OffRampRequest;
const timeoutMs = 1500;
// Past the time limit: the time for the server to start, and for a loaded machine.
const wallLimitMs = timeoutMs + 1500;

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(behavior: HostileBehavior) {
  const server = await startHostileServer(behavior);
  servers.push(server);
  return { server, client: createOffRampClient({ baseUrl: server.url, apiKey, timeoutMs }) };
}

/** Every way a caller may print or pass on what it got. */
function everyRendering(value: unknown): string {
  const errorsAsData = (_key: string, part: unknown) =>
    part instanceof Error ? { name: part.name, message: part.message, stack: part.stack, cause: part.cause } : part;
  return [
    inspect(value, { depth: Infinity }),
    JSON.stringify(value, errorsAsData) ?? '',
    String((value as { failure?: { message?: string } })?.failure?.message ?? ''),
  ].join('\n');
}

// The verdict of createOffRamp for each behavior: [kind, status].
const verdicts: Record<HostileBehavior['kind'], [string, number | undefined]> = {
  redirect: ['redirect', undefined],
  'endless-body': ['response-too-large', 201],
  'huge-declared-length': ['response-too-large', 201],
  trickle: ['timeout', 401],
  'close-mid-body': ['network', 201],
  'not-json': ['invalid-response', 400],
  'large-html': ['unexpected-status', 502],
  'nested-html': ['invalid-response', 400],
  'report-injection': ['invalid-response', 400],
  'echo-key': ['invalid-response', 400],
  'never-answers': ['timeout', undefined],
};

describe('createOffRamp against hostile servers', () => {
  test.each(hostileBehaviors)('%s: the right failure, in bounded time and memory, key never shown', async (_name, behavior) => {
    const { server, client } = await serve(behavior);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const result: CreateOffRampResult = await client.createOffRamp(body);
    const elapsed = performance.now() - started;
    const [kind, status] = verdicts[behavior.kind];
    expect(result.ok).toBe(false);
    expect(result.failure?.kind).toBe(kind);
    expect(result.status).toBe(behavior.kind === 'redirect' ? behavior.status : status);
    expect(elapsed).toBeLessThan(wallLimitMs);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(server.received).toHaveLength(1);
    expect(everyRendering(result)).not.toContain(apiKey);
    if (behavior.kind === 'redirect') {
      const target = behavior.to === 'other-origin' ? server.redirectTarget!.url : server.url;
      expect(server.redirectTarget?.received ?? []).toEqual([]);
      expect(result.failure!.message).toContain(`HTTP ${behavior.status}`);
      expect(result.failure!.message).toContain(new URL(target).origin);
      expect(result.failure!.message).not.toMatch(/\/api\/|\?again/);
    }
  });
});

describe('client.api against hostile servers', () => {
  test.each(hostileBehaviors)('%s: rejected or returned as it came, in bounded time and memory, never redirected', async (_name, behavior) => {
    const { server, client } = await serve(behavior);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const outcome = await client.api.POST('/api/partner/v2/off-ramp', { body }).then(
      ({ data, error, response }) => ({ data, error, status: response.status }),
      (thrown: unknown) => ({ thrown }),
    );
    expect(performance.now() - started).toBeLessThan(wallLimitMs);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(server.received).toHaveLength(1);
    const thrown = 'thrown' in outcome ? outcome.thrown : undefined;
    if (behavior.kind === 'redirect') {
      expect(thrown).toBeInstanceOf(OffRampRedirectError);
      const target = behavior.to === 'other-origin' ? server.redirectTarget!.url : server.url;
      expect(thrown).toMatchObject({ status: behavior.status, targetOrigin: new URL(target).origin });
      expect(server.redirectTarget?.received ?? []).toEqual([]);
    } else if (behavior.kind === 'endless-body' || behavior.kind === 'huge-declared-length') {
      expect(thrown).toBeInstanceOf(OffRampResponseTooLargeError);
    } else if (behavior.kind === 'trickle' || behavior.kind === 'never-answers') {
      expect(thrown).toMatchObject({ name: 'TimeoutError' });
    } else if (behavior.kind === 'close-mid-body') {
      expect(thrown).toBeInstanceOf(Error);
    } else {
      expect(thrown).toBeUndefined();
    }
    // client.api returns the server's body as it is: a server that echoes the key shows it there.
    if (behavior.kind !== 'echo-key') expect(everyRendering(outcome)).not.toContain(apiKey);
  });

  test('the caller cannot turn redirects back on', async () => {
    const { server, client } = await serve({ kind: 'redirect', status: 307, to: 'other-origin' });
    await expect(client.api.POST('/api/partner/v2/off-ramp', { body, redirect: 'follow' } as never)).rejects.toBeInstanceOf(OffRampRedirectError);
    expect(server.redirectTarget!.received).toEqual([]);
  });
});
