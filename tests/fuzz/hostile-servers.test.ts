// `off-ramp-contract fuzz` (the built bin) against hostile and broken servers: whatever the server does, the run fails
// (exit 1) in bounded time and memory, a redirect is never followed, and no partner key or URL
// password appears in the output; the repro line reads the key from the environment.
import { describe, expect, test } from 'vitest';
import { defaultFixturesPath, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { hostileBehaviors, startHostileServer } from '../../support/hostile-servers.ts';
import { runToolsCommandMeasured } from '../../support/run-script.ts';

const keys = Object.values(loadFixtures(defaultFixturesPath).apiKeys as Record<string, string>);
const runs = 3;
const deadlineSeconds = 2;
// Two kinds of case (valid, invalid), each at most `runs` exchanges; the rest is start-up and slack.
const constantMs = 15_000;
const maxPeakRss = 400 * 1024 * 1024;

describe('off-ramp-contract fuzz against a hostile server', () => {
  test.concurrent.each(hostileBehaviors)('%s: the run fails in bounded time and memory, nothing leaks', async (_name, behavior) => {
    const server = await startHostileServer(behavior);
    try {
      const withPassword = server.url.replace('http://', 'http://partner:s3cret-pa55word@');
      const run = await runToolsCommandMeasured([
        'fuzz',
        '--server',
        withPassword,
        '--runs',
        String(runs),
        '--seed',
        '7',
        '--timeout',
        String(deadlineSeconds),
      ]);
      expect(run.code, run.output).toBe(1);
      expect(run.output).toMatch(/^FAIL positive: /m);
      expect(run.wallMs).toBeLessThan(2 * runs * deadlineSeconds * 1000 + constantMs);
      expect(run.peakRssBytes).toBeGreaterThan(0);
      expect(run.peakRssBytes).toBeLessThan(maxPeakRss);
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
    } finally {
      await server.close();
    }
  });
});
