// Serves the docs page on 127.0.0.1 and rebuilds it whenever the spec, the docs options or the page
// template changes; an open page reloads itself after each rebuild.
// Usage: tsx scripts/docs-serve.ts [port]   (default 8080; 0 picks a free port)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, watch } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { docsPage } from './lib/docs-paths.ts';
import { projectRoot } from './lib/generated-dir.ts';

const port = Number(process.argv[2] ?? 8080);
// Bundles go to a scratch folder: serving never rewrites generated/.
const bundleDir = mkdtempSync(join(tmpdir(), 'off-ramp-docs-serve-'));
const watched = ['openapi', 'packages/tools/docs-page', 'packages/tools/src/docs'].map((path) => resolve(projectRoot, path));
const listeners = new Set<ServerResponse>();

function rebuild(): void {
  const tsx = (script: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env) =>
    execFileSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', script), ...args], { cwd: projectRoot, stdio: 'inherit', env });
  try {
    tsx('bundle.ts', [], { ...process.env, GENERATED_DIR: bundleDir });
    tsx('build-docs.ts', [join(bundleDir, 'openapi.json')]);
    for (const listener of listeners) listener.write('data: reload\n\n');
  } catch {
    console.error('docs:serve: build failed; still serving the last good page. Fix the spec and save again.');
  }
}

// Added to the served copy only: the built page on disk stays self-contained.
const reloadScript = '<script>new EventSource("/__reload").onmessage = () => location.reload();</script>';

let timer: NodeJS.Timeout | undefined;
for (const path of watched) {
  watch(path, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 200);
  });
}

rebuild();
const server = createServer((request, response) => {
  if (request.url === '/__reload') {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    listeners.add(response);
    request.on('close', () => listeners.delete(response));
    return;
  }
  if (request.url !== '/' && !request.url?.startsWith('/index.html')) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the docs are one page, at /\n');
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(readFileSync(docsPage, 'utf8').replace('</body>', `${reloadScript}</body>`));
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(
    `docs:serve: http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/ (rebuilds on changes to openapi/ and the docs build in packages/tools/)`,
  );
});
