// npm run check:breaking fires on each breaking-change rule: each row edits a copy of the bundle
// (written to a temp dir) and runs the check against the released spec. A tool upgrade that loses
// a rule fails its row.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

type Spec = any;
const bundle = (): Spec => JSON.parse(readFileSync(resolve(projectRoot, 'packages/client/generated', 'openapi.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'off-ramp-breaking-'));

function checkBreaking(edit: (spec: Spec) => void): { code: number | null; output: string } {
  const spec = bundle();
  edit(spec);
  const file = join(dir, `revision-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(spec, null, 2));
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', 'check-breaking.ts')], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, REVISION_SPEC: file },
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

const schemas = (spec: Spec) => spec.components.schemas;
const catalogRows = (spec: Spec, name: string) => schemas(spec)[name].properties.error.allOf[1].oneOf;

const breaking: [string, { edit: (spec: Spec) => void; side: string }][] = [
  ['new required request field', { side: 'request', edit: (s) => schemas(s).OffRampRequest.required.push('receiverId') }],
  [
    'narrowed request enum',
    {
      side: 'request',
      edit: (s) => {
        schemas(s).AccountType.enum = ['SAVINGS'];
      },
    },
  ],
  [
    'tighter request pattern',
    {
      side: 'request',
      edit: (s) => {
        schemas(s).Clabe.pattern = '^0[0-9]{17}$';
      },
    },
  ],
  [
    'lower request maxLength',
    {
      side: 'request',
      edit: (s) => {
        schemas(s).BankName.maxLength = 50;
      },
    },
  ],
  [
    'higher request minimum',
    {
      side: 'request',
      edit: (s) => {
        schemas(s).PremiumSpread.minimum = 0.001;
      },
    },
  ],
  [
    'narrowed request type',
    {
      side: 'request',
      edit: (s) => {
        schemas(s).FiatAmount.type = 'integer';
      },
    },
  ],
  [
    'removed response field',
    {
      side: 'response 201',
      edit: (s) => {
        const t = schemas(s).OffRampTransaction;
        delete t.properties.exchangeRate;
        t.required = t.required.filter((f: string) => f !== 'exchangeRate');
      },
    },
  ],
  [
    'response field no longer required',
    {
      side: 'response 201',
      edit: (s) => {
        const t = schemas(s).OffRampTransaction;
        t.required = t.required.filter((f: string) => f !== 'completedAt');
      },
    },
  ],
  ['new response enum value', { side: 'response', edit: (s) => schemas(s).ErrorCode.enum.push('RATE_LIMITED') }],
  [
    'new oneOf branch in a response',
    { side: 'response 201', edit: (s) => schemas(s).WalletAddress.oneOf.push({ title: 'Tron address', pattern: '^T[1-9A-HJ-NP-Za-km-z]{33}$' }) },
  ],
  [
    'new error code (catalog row)',
    {
      side: 'response 400',
      edit: (s) => {
        catalogRows(s, 'BadRequestError').push({
          required: ['code', 'message'],
          properties: { code: { const: 'BAD_REQUEST' }, message: { const: 'A new 400 row' }, details: false },
        });
      },
    },
  ],
];

describe('check:breaking', () => {
  test.each(breaking)('%s: exit 1 without a major bump', (_name, { edit, side }) => {
    const { code, output } = checkBreaking(edit);
    expect(output).toMatch(new RegExp(`Breaking \\([a-z-]+\\): ${side}`));
    expect(code, output).toBe(1);
  });

  test('a new optional request field is not breaking', () => {
    const { code, output } = checkBreaking((s) => {
      schemas(s).OffRampRequest.properties.partnerReference = { type: 'string', maxLength: 64, description: 'Free text.' };
    });
    expect(output).toContain('no breaking change');
    expect(code, output).toBe(0);
  });

  test('the current bundle passes against the released spec', () => {
    const { code, output } = checkBreaking(() => {});
    expect(code, output).toBe(0);
  });

  test('a breaking change with a bumped major passes', () => {
    const { code, output } = checkBreaking((s) => {
      schemas(s).OffRampRequest.required.push('receiverId');
      s.info.version = '3.0.0';
    });
    expect(output).toMatch(/Breaking \([a-z-]+\): request/);
    expect(code, output).toBe(0);
  });

  test('exit 2 when the revision cannot be read', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', 'check-breaking.ts')], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, REVISION_SPEC: join(dir, 'missing.json') },
    });
    expect(run.status).toBe(2);
  });
});
