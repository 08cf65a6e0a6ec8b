// `off-ramp-contract fuzz` against hostile and broken servers: whatever the server does, the run
// fails (exit 1) in bounded time and memory, a redirect is never followed, and no partner key or
// URL password appears in the output; the repro line reads the key from the environment. The runs,
// one per server, go on a few at a time in one separate process (the fuzz command as the bin runs
// it): each within its time bound, and all of them together within the memory bound of one run.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultFixturesPath, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { type HostileServer, hostileBehaviors, startHostileServer } from '../../support/hostile-servers.ts';
import { type CommandsTogether, runToolsCommandsTogether } from '../../support/run-script.ts';

const keys = Object.values(loadFixtures(defaultFixturesPath).apiKeys as Record<string, string>);
const runs = 3;
const deadlineSeconds = 2;
// Two kinds of case (valid, invalid), each at most `runs` exchanges; the rest is slack on a busy machine.
const constantMs = 15_000;
const maxPeakRss = 400 * 1024 * 1024;

const servers = new Map<string, HostileServer>();
let together: CommandsTogether;

beforeAll(async () => {
  for (const [name, behavior] of hostileBehaviors) servers.set(name, await startHostileServer(behavior));
  together = await runToolsCommandsTogether(
    hostileBehaviors.map(([name]) => ({
      command: 'fuzz' as const,
      args: [
        '--server',
        servers.get(name)!.url.replace('http://', 'http://partner:s3cret-pa55word@'),
        '--runs',
        String(runs),
        '--seed',
        '7',
        '--timeout',
        String(deadlineSeconds),
      ],
    })),
  );
}, 120_000);
afterAll(() => Promise.all([...servers.values()].map((server) => server.close())));

describe('off-ramp-contract fuzz against hostile servers', () => {
  test('all runs together stay within the memory bound of one', () => {
    expect(together.peakRssBytes).toBeGreaterThan(0);
    expect(together.peakRssBytes).toBeLessThan(maxPeakRss);
  });

  test.each(hostileBehaviors.map(([name, behavior], index) => [name, behavior, index] as const))(
    '%s: the run fails in bounded time, nothing leaks',
    (name, behavior, index) => {
      const run = together.results[index]!;
      const server = servers.get(name)!;
      expect(run.code, run.output).toBe(1);
      expect(run.output).toMatch(/^FAIL positive: /m);
      expect(run.wallMs).toBeLessThan(2 * runs * deadlineSeconds * 1000 + constantMs);
      for (const key of keys) expect(run.output).not.toContain(key);
      expect(run.output).not.toContain('s3cret-pa55word');
      expect(run.output).toContain('-H @<(printf \'partner-api-key: %s\\n\' "$PARTNER_API_KEY")');
      if (behavior.kind === 'redirect') {
        expect(run.output).toMatch(
          new RegExp(`HTTP ${behavior.status} redirect to http://127\\.0\\.0\\.${behavior.to === 'other-origin' ? 2 : 1}:\\d+, not followed`),
        );
        expect(server.redirectTarget?.received ?? []).toEqual([]);
        expect(server.received.every((request) => request.url === '/api/partner/v2/off-ramp')).toBe(true);
      }
    },
  );
});
