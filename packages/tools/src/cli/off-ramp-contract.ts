#!/usr/bin/env node
// The tools package's bin: `off-ramp-contract <command> [options]`. Each command is its own entry
// module (it reads process.argv), loaded only when asked for: a usage error never waits for Dredd
// or Prism to load. Exit codes of every command: 0 passed, 1 failed, 2 could not start.
import { readFileSync } from 'node:fs';

const commands = {
  contract: { summary: 'run the contract suite against a server (JUnit report, coverage table)', load: () => import('../contract/cli.ts') },
  respect: { summary: "run the same scenarios with Redocly's Arazzo runner", load: () => import('../contract/respect-cli.ts') },
  fuzz: { summary: 'generated valid and invalid bodies against a server', load: () => import('../fuzz/cli.ts') },
  mock: { summary: 'the Prism mock of the spec behind the validating front', load: () => import('../prism/mock-cli.ts') },
  reference: { summary: 'the reference implementation as a local sandbox', load: () => import('../reference/cli.ts') },
  docs: { summary: 'build the offline docs page of the spec', load: () => import('../docs/cli.ts') },
  'init-fixtures': { summary: 'write a fixtures file for a partner to fill in', load: () => import('./init-fixtures-cli.ts') },
} as const;
type CommandName = keyof typeof commands;

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const usage = [
  'usage: off-ramp-contract <command> [options]   (off-ramp-contract <command> --help for its options)',
  '',
  'commands:',
  ...Object.entries(commands).map(([name, { summary }]) => `  ${name.padEnd(14)} ${summary}`),
  '',
  'exit codes: 0 passed, 1 failed, 2 could not start',
].join('\n');

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  console.log(usage);
} else if (name === '--version' || name === '-v') {
  console.log(`${manifest.name} ${manifest.version}`);
} else if (Object.hasOwn(commands, name)) {
  // The command's module reads its own options from process.argv, as when it runs alone.
  process.argv.splice(2, process.argv.length - 2, ...rest);
  await commands[name as CommandName].load();
} else {
  console.error(`off-ramp-contract: unknown command ${JSON.stringify(name)}\n${usage}`);
  process.exitCode = 2;
}
