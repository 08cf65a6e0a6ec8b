// The breaking-change gate (npm run check:breaking, scripts/check-breaking.ts): compares a revised
// bundled spec with the last released one (openapi/released/) using `redocly diff` (pinned
// @redocly/cli, stock diff-recommended rules). Code 1: a breaking change without a major bump of
// info.version; 0: none, or the major was bumped; 2: cannot run.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { committedGeneratedDir, projectRoot } from '../lib/generated-dir.ts';

export interface GateMessage {
  stream: 'out' | 'err';
  text: string;
}

export interface GateResult {
  code: 0 | 1 | 2;
  /** What the gate says, in order, and on which stream. */
  messages: GateMessage[];
}

export interface GateSpecs {
  /** The released spec; the newest of openapi/released/ by default. */
  base?: string;
  /** The revised spec; the committed bundle by default. */
  revision?: string;
}

interface Verdict {
  ruleId: string;
  impact: string;
  message: string;
}
interface Change {
  path: string;
  kind: string;
  impact: string;
  verdicts?: Verdict[];
}

function latestReleased(): string {
  const dir = resolve(projectRoot, 'openapi', 'released');
  const files = readdirSync(dir).filter((f) => /^openapi-\d+\.\d+\.\d+\.json$/.test(f));
  const version = (f: string) => f.match(/\d+/g)!.map(Number);
  files.sort((a, b) => {
    const [x, y] = [version(a), version(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
  if (files.length === 0) throw new Error(`no openapi-<version>.json in ${dir}`);
  return join(dir, files.at(-1)!);
}

// "#/paths/~1api~1partner~1v2~1off-ramp/post/responses/201/..." → "response 201" / "request".
function side(path: string): string {
  const response = path.match(/\/responses\/(\d{3}|default)\//) ?? path.match(/\/responses\/(\d{3}|default)$/);
  if (response) return `response ${response[1]}`;
  if (path.includes('/requestBody') || path.includes('/parameters')) return 'request';
  return 'spec';
}

export function checkBreakingChanges(specs: GateSpecs = {}): GateResult {
  const messages: GateMessage[] = [];
  const say = (stream: GateMessage['stream'], text: string) => messages.push({ stream, text });
  const major = (file: string) => Number(String(JSON.parse(readFileSync(file, 'utf8')).info?.version ?? '').split('.')[0]);
  let base: string;
  let revision: string;
  let baseMajor: number;
  let revisionMajor: number;
  try {
    base = resolve(specs.base ?? latestReleased());
    revision = resolve(specs.revision ?? join(committedGeneratedDir, 'openapi.json'));
    [baseMajor, revisionMajor] = [major(base), major(revision)];
  } catch (error) {
    say('err', `check:breaking: cannot run: ${(error as Error).message}`);
    return { code: 2, messages };
  }
  if (!Number.isInteger(baseMajor) || !Number.isInteger(revisionMajor)) {
    say('err', 'check:breaking: cannot run: info.version is not semver');
    return { code: 2, messages };
  }
  say('out', `check:breaking: redocly diff ${base} → ${revision}`);
  const run = spawnSync(
    join(projectRoot, 'node_modules', '.bin', 'redocly'),
    ['diff', base, revision, '--config', join(projectRoot, 'scripts', 'breaking', 'redocly-diff.yaml'), '--format', 'json', '--fail-on', 'none'],
    { encoding: 'utf8', cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 },
  );
  let report: { changes: Change[] };
  try {
    report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  } catch {
    say('err', `check:breaking: cannot run: redocly diff gave no JSON report (exit ${run.status})\n${run.stderr}`);
    return { code: 2, messages };
  }
  const breaking = report.changes
    .filter((c) => c.impact === 'major')
    .flatMap((c) => (c.verdicts ?? []).filter((v) => v.impact === 'major').map((v) => `Breaking (${v.ruleId}): ${side(c.path)}: ${v.message}`));
  const unique = [...new Set(breaking)];
  if (unique.length === 0) {
    say('out', 'check:breaking: no breaking change.');
    return { code: 0, messages };
  }
  say('out', unique.map((line) => `- ${line}`).join('\n'));
  if (revisionMajor > baseMajor) {
    say('out', `check:breaking: ${unique.length} breaking change(s), allowed: info.version major ${revisionMajor} > released ${baseMajor}.`);
    return { code: 0, messages };
  }
  say(
    'err',
    `check:breaking: ${unique.length} breaking change(s) but info.version major is ${revisionMajor}, the released spec's is ${baseMajor}: bump the major or undo them.`,
  );
  return { code: 1, messages };
}
