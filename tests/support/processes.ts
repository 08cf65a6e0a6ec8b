// The running processes, as Linux shows them in /proc.
import { readdirSync, readFileSync } from 'node:fs';

/** Command lines (arguments joined by spaces) of the running processes that mention `text`. */
export const processesMentioning = (text: string): string[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')];
      } catch {
        return []; // the process ended meanwhile
      }
    })
    .filter((command) => command.includes(text));
