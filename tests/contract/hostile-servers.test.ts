// `off-ramp-contract contract` against hostile and broken servers: whatever the server does, the run
// ends in bounded time and memory with a failure per scenario (exit 1), the JUnit report is well
// formed and holds exactly the scenarios run, a redirect is never followed, and no partner key or
// URL password appears in the output or the report. The runs, one per server, go on a few at a
// time in one separate process (the contract command as the bin runs it): each within its time
// bound, and all of them together within the memory bound of one run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultFixturesPath, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { type HostileServer, hostileBehaviors, reportInjection, startHostileServer } from '../../support/hostile-servers.ts';
import { type CommandsTogether, runToolsCommandsTogether } from '../../support/run-script.ts';

const work = mkdtempSync(join(tmpdir(), 'off-ramp-contract-hostile-'));
const keys = Object.values(loadFixtures(defaultFixturesPath).apiKeys as Record<string, string>);

// Three scenarios: one with the valid key, one with another partner's key, one without a key.
const only = ['FiatAmountToMexico', 'InvalidPartnerFlow', 'ApiKeyMissing'];
const deadlineSeconds = 2;
// Slack on a busy 2-core machine, with the other runs going on in the same process; the rest is cases x deadline.
const constantMs = 15_000;
const maxPeakRss = 400 * 1024 * 1024;

const servers = new Map<string, HostileServer>();
const reportOf = (name: string) => join(work, `${name.replace(/\W+/g, '-')}.xml`);
let together: CommandsTogether;

beforeAll(async () => {
  for (const [name, behavior] of hostileBehaviors) servers.set(name, await startHostileServer(behavior));
  together = await runToolsCommandsTogether(
    hostileBehaviors.map(([name]) => {
      const withPassword = servers.get(name)!.url.replace('http://', 'http://partner:s3cret-pa55word@');
      const args = ['--server', withPassword, '--timeout', String(deadlineSeconds), '--report', reportOf(name), ...only.flatMap((s) => ['--only', s])];
      return { command: 'contract' as const, args };
    }),
  );
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.close()));
  rmSync(work, { recursive: true, force: true });
});

describe('off-ramp-contract contract against hostile servers', () => {
  test('all runs together stay within the memory bound of one', () => {
    expect(together.peakRssBytes).toBeGreaterThan(0);
    expect(together.peakRssBytes).toBeLessThan(maxPeakRss);
  });

  test.each(hostileBehaviors.map(([name, behavior], index) => [name, behavior, index] as const))(
    '%s: every scenario fails, in bounded time, nothing leaks',
    (name, behavior, index) => {
      const run = together.results[index]!;
      const server = servers.get(name)!;
      expect(run.code, run.output).toBe(1);
      expect(run.output.match(/^FAIL /gm)).toHaveLength(only.length);
      expect(run.output).not.toMatch(/^PASS /m);
      expect(run.wallMs).toBeLessThan(only.length * deadlineSeconds * 1000 + constantMs);

      const xml = readFileSync(reportOf(name), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const suite = new XMLParser({ ignoreAttributes: false }).parse(xml).testsuite;
      const cases = [suite.testcase].flat();
      expect(cases.map((c: Record<string, string>) => String(c['@_name']).split(' ')[0]).sort()).toEqual([...only].sort());
      expect(suite['@_failures']).toBe(String(only.length));
      expect(xml).not.toContain(reportInjection);

      for (const text of [run.output, xml]) {
        for (const key of keys) expect(text).not.toContain(key);
        expect(text).not.toContain('s3cret-pa55word');
      }
      if (behavior.kind === 'redirect') {
        expect(run.output).toMatch(
          new RegExp(
            `\\[no-redirect\\]: .*HTTP ${behavior.status} redirect to http://127\\.0\\.0\\.${behavior.to === 'other-origin' ? 2 : 1}:\\d+, not followed`,
          ),
        );
        expect(server.redirectTarget?.received ?? []).toEqual([]);
        // Only the first request of each scenario reached the server: nothing followed the Location.
        expect(server.received).toHaveLength(only.length);
      }
    },
  );
});
