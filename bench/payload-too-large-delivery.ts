// How often a client that is still sending a large body gets the 413 (rather than a reset
// connection): `fetch` (undici) sends the whole body before it reads an answer, the case the
// lingering close is for. Run: npx tsx bench/payload-too-large-delivery.ts [tries] [megabytes] [url]
// (without a url it starts a reference server in a child process, as a real server would be).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadFixtures } from '../packages/tools/src/reference/load-fixtures.ts';
import { apiKeyHeader, offRampPath } from '../packages/client/generated/protocol.ts';

const tries = Number(process.argv[2] ?? 30);
const megabytes = Number(process.argv[3] ?? 5);
const child = process.argv[4]
  ? undefined
  : spawn(process.execPath, ['--import', 'tsx', 'packages/tools/src/reference/cli.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url =
  process.argv[4] ??
  (await new Promise<string>((resolve) =>
    child!.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    }),
  ));
const body = `{"pad":"${'x'.repeat(megabytes * 1_000_000)}"}`;
const key = loadFixtures().apiKeys.valid;
let delivered = 0;
const failures = new Map<string, number>();
const started = performance.now();
for (let i = 0; i < tries; i++) {
  try {
    const response = await fetch(`${url}${offRampPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [apiKeyHeader]: key },
      body,
    });
    const json = (await response.json()) as { error?: { code?: string } };
    if (response.status === 413 && json.error?.code === 'PAYLOAD_TOO_LARGE') delivered++;
    else failures.set(`status ${response.status}`, (failures.get(`status ${response.status}`) ?? 0) + 1);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const kind = cause?.code ?? cause?.message ?? String(error);
    failures.set(kind, (failures.get(kind) ?? 0) + 1);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`413 delivered over fetch: ${delivered}/${tries} (${megabytes} MB body, ${(seconds / tries).toFixed(2)} s per try)`);
for (const [kind, count] of failures) console.log(`  failed: ${kind} x${count}`);
if (child) {
  child.kill('SIGTERM');
  await once(child, 'exit');
}
