// npm run check:breaking fires on each breaking-change rule: each row edits a copy of the bundle
// (written to a temp dir) and runs the gate (scripts/breaking/breaking-changes.ts, which runs
// `redocly diff`) against the released spec. A tool upgrade that loses a rule fails its row. The
// command itself (its streams and exit codes) runs as a process for a passing and a failing case.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkBreakingChanges } from '../../scripts/breaking/breaking-changes.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

type Spec = any;
const bundle = (): Spec => JSON.parse(readFileSync(resolve(projectRoot, 'packages/client/generated', 'openapi.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'off-ramp-breaking-'));

/** Runs `npm run check:breaking`'s script, as a process, with `revision` as the revised spec. */
function runCheck(revision: string): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', 'check-breaking.ts')], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, REVISION_SPEC: revision },
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

/** A copy of the bundle changed by `edit`, written to a file. */
function revisedBundle(edit: (spec: Spec) => void): string {
  const spec = bundle();
  edit(spec);
  const file = join(dir, `revision-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(spec, null, 2));
  return file;
}

/** Runs the gate on a copy of the bundle changed by `edit`. */
function checkBreaking(edit: (spec: Spec) => void): { code: number | null; output: string } {
  const { code, messages } = checkBreakingChanges({ revision: revisedBundle(edit) });
  return { code, output: messages.map((m) => m.text).join('\n') };
}

const schemas = (spec: Spec) => spec.components.schemas;
const catalogRows = (spec: Spec, name: string) => schemas(spec)[name].properties.error.allOf[1].oneOf;
/** Edits that set a keyword of a component schema, add to one of its lists, or drop one of its required fields. */
const setKeyword = (schema: string, keyword: string, value: unknown) => (s: Spec) => {
  schemas(s)[schema][keyword] = value;
};
const append = (schema: string, keyword: string, value: unknown) => (s: Spec) => {
  schemas(s)[schema][keyword].push(value);
};
const notRequired = (schema: string, field: string) => (s: Spec) => {
  schemas(s)[schema].required = schemas(s)[schema].required.filter((f: string) => f !== field);
};

// [rule, the side the check must name, the edit]
const breaking: [string, string, (spec: Spec) => void][] = [
  ['new required request field', 'request', append('OffRampRequest', 'required', 'receiverId')],
  ['narrowed request enum', 'request', setKeyword('AccountType', 'enum', ['SAVINGS'])],
  ['tighter request pattern', 'request', setKeyword('Clabe', 'pattern', '^0[0-9]{17}$')],
  ['lower request maxLength', 'request', setKeyword('BankName', 'maxLength', 50)],
  ['higher request minimum', 'request', setKeyword('PremiumSpread', 'minimum', 0.001)],
  ['narrowed request type', 'request', setKeyword('FiatAmount', 'type', 'integer')],
  [
    'removed response field',
    'response 201',
    (s) => {
      delete schemas(s).OffRampTransaction.properties.exchangeRate;
      notRequired('OffRampTransaction', 'exchangeRate')(s);
    },
  ],
  ['response field no longer required', 'response 201', notRequired('OffRampTransaction', 'completedAt')],
  ['new response enum value', 'response', append('ErrorCode', 'enum', 'RATE_LIMITED')],
  ['new oneOf branch in a response', 'response 201', append('WalletAddress', 'oneOf', { title: 'Tron address', pattern: '^T[1-9A-HJ-NP-Za-km-z]{33}$' })],
  [
    'new error code (catalog row)',
    'response 400',
    (s) =>
      catalogRows(s, 'BadRequestError').push({
        required: ['code', 'message'],
        properties: { code: { const: 'BAD_REQUEST' }, message: { const: 'A new 400 row' }, details: false },
      }),
  ],
];

// [case, the edit, what the output must say]: each exits 0.
const passing: [string, (spec: Spec) => void, RegExp][] = [
  [
    'a new optional request field is not breaking',
    (s) => {
      schemas(s).OffRampRequest.properties.partnerReference = { type: 'string', maxLength: 64, description: 'Free text.' };
    },
    /no breaking change/,
  ],
  ['the current bundle passes against the released spec', () => {}, /no breaking change/],
  [
    'a breaking change with a bumped major passes',
    (s) => {
      append('OffRampRequest', 'required', 'receiverId')(s);
      s.info.version = '3.0.0';
    },
    /Breaking \([a-z-]+\): request/,
  ],
];

describe('check:breaking', () => {
  test.each(breaking)('%s: exit 1 without a major bump', (_name, side, edit) => {
    const { code, output } = checkBreaking(edit);
    expect(output).toMatch(new RegExp(`Breaking \\([a-z-]+\\): ${side}`));
    expect(code, output).toBe(1);
  });

  test.each(passing)('%s', (_name, edit, says) => {
    const { code, output } = checkBreaking(edit);
    expect(output).toMatch(says);
    expect(code, output).toBe(0);
  });

  test('the command: exit 1 and the verdict on stderr for a breaking change, exit 0 for none', () => {
    const failing = runCheck(revisedBundle(append('OffRampRequest', 'required', 'receiverId')));
    expect(failing.code, failing.output).toBe(1);
    expect(failing.output).toMatch(/Breaking \([a-z-]+\): request/);
    expect(failing.output).toMatch(/bump the major or undo them/);
    const passingRun = runCheck(revisedBundle(() => {}));
    expect([passingRun.code, passingRun.output]).toEqual([0, expect.stringContaining('no breaking change')]);
  });

  test('exit 2 when the revision cannot be read', () => {
    expect(runCheck(join(dir, 'missing.json')).code).toBe(2);
  });
});
