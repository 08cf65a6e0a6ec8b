// Bundles the built package (dist/) the way a browser app would: esbuild, platform browser,
// minified ESM, tree-shaken to what `entry` imports. Node built-ins are not available on that
// platform, so a Node-only import in the client makes the bundle fail.
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

/** What an app imports from the package: the client and its preflight. */
export const clientEntry = "export { createOffRampClient, validateOffRampRequest } from '@off-ramp/client';";

export async function bundleForBrowser(entry = clientEntry, external: string[] = []) {
  const result = await build({
    // `@off-ramp/client` resolves from here as from any folder of the workspace.
    stdin: { contents: entry, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    external,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    code: Buffer.from(code).toString('utf8'),
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    metafile: result.metafile as Metafile,
  };
}
