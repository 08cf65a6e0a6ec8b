// npm run mock -- [--port <n>] [--host <h>]: the Prism mock of the bundled spec, until Ctrl-C.
import { parseArgs } from 'node:util';
import { startPrism } from './start-prism.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4010' }, host: { type: 'string', default: '127.0.0.1' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`mock: --port must be a port number, not ${values.port}`);
  process.exit(2);
}
const mock = await startPrism({ mode: 'mock', port, host: values.host!, log: 'inherit' });
console.log(`mock: listening on ${mock.url} (ask for a scenario with the header "Prefer: code=<status>, example=<name>")`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void mock.close().then(() => process.exit(0)));
}
