// off-ramp-contract mock [--port <n>] [--host <h>]: the mock of the bundled spec (Prism behind the
// validating front, see start-mock.ts), until Ctrl-C or SIGTERM. Port 0 picks a free one; the
// ready line says which.
import { commandOptions, portOption } from '../cli/command-options.ts';
import { startMock } from './start-mock.ts';

const usage = 'usage: off-ramp-contract mock [--port <0-65535>] [--host <host>]   (defaults: 4010, 127.0.0.1)';
const values = commandOptions('mock', usage, {
  options: { port: { type: 'string', default: '4010' }, host: { type: 'string', default: '127.0.0.1' }, help: { type: 'boolean', default: false } },
});
const port = portOption('mock', usage, values.port);
const starting = startMock({ port, host: values.host!, log: 'inherit', frontLog: (line) => console.log(line) });
// A signal stops Prism too, even one that arrives while Prism is still starting, and at once:
// requests in progress are cut off rather than waited for.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void starting
        .then(
          (mock) => mock.close({ force: true }),
          () => undefined,
        )
        .then(() => process.exit(0)),
  );
}
const mock = await starting.catch((error: Error) => {
  console.error(`mock: cannot start: ${error.message}`);
  process.exit(2);
});
console.log(`mock: listening on ${mock.url} (ask for a scenario with the header "Prefer: code=<status>, example=<name>")`);
