// The step `transport` for the body: it must fit in 64 KiB, else 413. Past the limit a body is read and dropped,
// so that the client can read the 413 rather than a reset connection; past 1 MiB (or when
// Content-Length announces more) the 413 goes out at once and the connection is closed, so nobody
// can keep the server busy reading.
import type { IncomingMessage } from 'node:http';
import { maxRequestBodyBytes } from '@off-ramp/client';

export const drainLimitBytes = 1024 * 1024;

export type BodyBytes =
  | { kind: 'bytes'; bytes: Buffer }
  /** Over the limit: answered `413 PAYLOAD_TOO_LARGE` (the step `transport`). */
  | { kind: 'tooLarge' }
  /** The client went away before the body ended: nobody to answer. */
  | { kind: 'aborted' };

/**
 * Reads the whole request body, keeping at most `keepLimitBytes` (the 64 KiB limit by default; the
 * mock's front keeps up to the drain limit for a scenario asked for by name).
 */
export function readBodyBytes(request: IncomingMessage, keepLimitBytes = maxRequestBodyBytes): Promise<BodyBytes> {
  return new Promise((resolve) => {
    const announced = Number(request.headers['content-length']);
    if (announced > drainLimitBytes) return resolve({ kind: 'tooLarge' });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= keepLimitBytes) chunks.push(chunk);
      else if (size > drainLimitBytes && !settled) {
        settled = true;
        resolve({ kind: 'tooLarge' });
      }
    });
    request.on('error', () => resolve({ kind: 'aborted' }));
    request.on('close', () => {
      if (!request.complete) resolve({ kind: 'aborted' });
    });
    request.on('end', () => {
      if (settled) return;
      resolve(size > keepLimitBytes ? { kind: 'tooLarge' } : { kind: 'bytes', bytes: Buffer.concat(chunks, size) });
    });
  });
}
