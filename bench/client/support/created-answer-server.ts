// A local HTTP server on 127.0.0.1 that answers every POST with the same 201 body, in a child
// process: the benchmark's own CPU time then counts only the client's work.
import { spawn } from 'node:child_process';

const serverSource = `
const { createServer } = require('node:http');
const body = process.env.CREATED_BODY;
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end(body));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.stdin.on('end', () => process.exit(0)).resume();
`;

export async function startCreatedAnswerServer(body: unknown) {
  const child = spawn(process.execPath, ['-e', serverSource], {
    env: { ...process.env, CREATED_BODY: JSON.stringify(body) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('error', reject);
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    },
  };
}
