// The bin's commands as functions of their arguments (contractCommand, fuzzCommand, exported by
// the tools package): --help and a usage error print through the given io and return 0 or 2, as
// the bin exits; they never end the process that called them.
import { describe, expect, test } from 'vitest';
import type { CommandIo } from '../../packages/tools/src/cli/command-io.ts';
import { contractCommand } from '../../packages/tools/src/contract/contract-command.ts';
import { fuzzCommand } from '../../packages/tools/src/fuzz/fuzz-command.ts';

async function collected(command: (args: string[], io: CommandIo) => Promise<number>, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each([
  ['contract', contractCommand, '--server is required'],
  ['fuzz', fuzzCommand, '--server <http(s) url> is required'],
] as const)('%sCommand', (name, command, missingServer) => {
  test('--help: the usage on out, 0', async () => {
    expect(await collected(command, ['--help'])).toEqual({ code: 0, out: expect.stringContaining(`usage: off-ramp-contract ${name} `), err: '' });
  });

  test('an unknown option: one line and the usage on err, 2', async () => {
    const ended = await collected(command, ['--bogus']);
    expect(ended).toEqual({ code: 2, out: '', err: expect.stringMatching(new RegExp(`^${name}: .*--bogus.*\\nusage: off-ramp-contract ${name} `)) });
  });

  test('no --server: a usage error, 2', async () => {
    expect(await collected(command, [])).toEqual({ code: 2, out: '', err: expect.stringContaining(`${name}: ${missingServer}`) });
  });
});
