// `off-ramp-contract reference [--port <n>] [--fixtures <file>] [--log]`: runs the reference
// implementation on 127.0.0.1, prints one ready line, and stops cleanly on SIGINT or SIGTERM.
import { commandOptions, portOption } from '../cli/command-options.ts';
import { startReferenceServer } from './start-reference-server.ts';

const usage = 'usage: off-ramp-contract reference [--port <0-65535>] [--fixtures <file>] [--log]   (default port 4011)';

function parseOptions() {
  const values = commandOptions('reference', usage, {
    options: {
      port: { type: 'string', default: '4011' },
      fixtures: { type: 'string' },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  return { port: portOption('reference', usage, values.port), fixturesPath: values.fixtures, log: values.log };
}

const options = parseOptions();
const server = await startReferenceServer({
  port: options.port,
  ...(options.fixturesPath ? { fixturesPath: options.fixturesPath } : {}),
  ...(options.log ? { log: (line: string) => console.error(line) } : {}),
}).catch((error: Error) => {
  // A port in use, an unreadable or inconsistent fixtures file: one line, exit 2 (could not start).
  console.error(`reference: cannot start: ${error.message}`);
  process.exit(2);
});
console.log(`reference: listening on ${server.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) process.exit(1); // a second signal: do not wait any longer
  stopping = true;
  await server.close({ force: true }); // a signal means now: requests in progress are cut off
  process.exitCode = 0;
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
