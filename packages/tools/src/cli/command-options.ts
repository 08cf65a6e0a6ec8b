// What every command of the bin does with its options, written once: `--help` prints the usage and
// exits 0; a usage error prints one line and the usage, and exits 2 (could not start).
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Values<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>['values'];

export function usageError(command: string, usage: string, message: string): never {
  console.error(`${command}: ${message}\n${usage}`);
  process.exit(2);
}

/** The command's option values; `config.options` must declare `help` (a boolean). */
export function commandOptions<const T extends ParseArgsConfig>(command: string, usage: string, config: T): Values<T> {
  let values: Values<T>;
  try {
    values = parseArgs(config).values;
  } catch (error) {
    usageError(command, usage, (error as Error).message);
  }
  if ((values as { help?: unknown }).help === true) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

/** A `--port` value: a whole number from 0 (a free port) to 65535. */
export function portOption(command: string, usage: string, value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65_535) usageError(command, usage, `--port must be a number from 0 to 65535, not ${value}`);
  return port;
}
