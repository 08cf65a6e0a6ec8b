// What every command of the bin does with its options, written once: `--help` prints the usage and
// ends with 0; a usage error prints one line and the usage, and ends with 2 (could not start). A
// command that runs as a function (contractCommand, fuzzCommand) gets both as a `CommandEnd` it
// returns with (`endsAs`); a command module of the bin ends the process (`commandOptions`).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CommandIo } from './command-io.ts';

type Values<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>['values'];

/** A command ended before it ran: `--help` (0, the usage for `out`) or a usage error (2, for `err`). */
export class CommandEnd extends Error {
  constructor(
    readonly code: 0 | 2,
    readonly text: string,
  ) {
    super(text);
  }
}

export function usageFailure(command: string, usage: string, message: string): never {
  throw new CommandEnd(2, `${command}: ${message}\n${usage}`);
}

/** The command's option values, or a `CommandEnd`; `config.options` must declare `help` (a boolean). */
export function parseCommandOptions<const T extends ParseArgsConfig>(command: string, usage: string, config: T): Values<T> {
  let values: Values<T>;
  try {
    values = parseArgs(config).values;
  } catch (error) {
    usageFailure(command, usage, (error as Error).message);
  }
  if ((values as { help?: unknown }).help === true) throw new CommandEnd(0, usage);
  return values;
}

/** Runs a command's body; a `CommandEnd` is printed through `io` and its code returned. */
export async function endsAs(io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof CommandEnd)) throw error;
    (error.code === 0 ? io.out : io.err)(error.text);
    return error.code;
  }
}

/** Prints a `CommandEnd` to the process' streams and ends the process with its code. */
function endProcess(end: CommandEnd): never {
  (end.code === 0 ? console.log : console.error)(end.text);
  process.exit(end.code);
}

function orEndProcess<R>(step: () => R): R {
  try {
    return step();
  } catch (error) {
    if (error instanceof CommandEnd) endProcess(error);
    throw error;
  }
}

export function usageError(command: string, usage: string, message: string): never {
  return orEndProcess(() => usageFailure(command, usage, message));
}

/** `parseCommandOptions` for a command module of the bin: --help and a usage error end the process. */
export function commandOptions<const T extends ParseArgsConfig>(command: string, usage: string, config: T): Values<T> {
  return orEndProcess(() => parseCommandOptions(command, usage, config));
}

/** A `--port` value: a whole number from 0 (a free port) to 65535. */
export function portOption(command: string, usage: string, value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65_535) usageError(command, usage, `--port must be a number from 0 to 65535, not ${value}`);
  return port;
}
