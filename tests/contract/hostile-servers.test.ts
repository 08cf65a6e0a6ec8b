// `off-ramp-contract contract` (the built bin) against hostile and broken servers: whatever the server does, the run ends
// in bounded time and memory with a failure per scenario (exit 1), the JUnit report is well
// formed and holds exactly the scenarios run, a redirect is never followed, and no partner key or
// URL password appears in the output or the report.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultFixturesPath, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { hostileBehaviors, reportInjection, startHostileServer } from '../../support/hostile-servers.ts';
import { runToolsCommandMeasured } from '../../support/run-script.ts';

const work = mkdtempSync(join(tmpdir(), 'off-ramp-contract-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const keys = Object.values(loadFixtures(defaultFixturesPath).apiKeys as Record<string, string>);

// Three scenarios: one with the valid key, one with another partner's key, one without a key.
const only = ['FiatAmountToMexico', 'InvalidPartnerFlow', 'ApiKeyMissing'];
const deadlineSeconds = 2;
// Start-up (Node, Dredd) plus slack on a busy 2-core machine; the rest is cases x deadline.
const constantMs = 15_000;
const maxPeakRss = 400 * 1024 * 1024;

describe('off-ramp-contract contract against a hostile server', () => {
  test.concurrent.each(hostileBehaviors)('%s: every scenario fails, in bounded time and memory, nothing leaks', async (name, behavior) => {
    const server = await startHostileServer(behavior);
    const report = join(work, `${name.replace(/\W+/g, '-')}.xml`);
    try {
      const withPassword = server.url.replace('http://', 'http://partner:s3cret-pa55word@');
      const args = ['--server', withPassword, '--timeout', String(deadlineSeconds), '--report', report, ...only.flatMap((scenario) => ['--only', scenario])];
      const run = await runToolsCommandMeasured(['contract', ...args]);

      expect(run.code, run.output).toBe(1);
      expect(run.output.match(/^FAIL /gm)).toHaveLength(only.length);
      expect(run.output).not.toMatch(/^PASS /m);
      expect(run.wallMs).toBeLessThan(only.length * deadlineSeconds * 1000 + constantMs);
      expect(run.peakRssBytes).toBeGreaterThan(0);
      expect(run.peakRssBytes).toBeLessThan(maxPeakRss);

      const xml = readFileSync(report, 'utf8');
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
    } finally {
      await server.close();
    }
  });
});
