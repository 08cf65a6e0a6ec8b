// Steps 0 and 1 of the order of checks, as far as bytes go: the body must fit in 64 KiB (else
// 413), be sent as JSON without a Content-Encoding, be UTF-8, parse, and repeat no member name.
// Whether the parsed value is an object is the preflight's call.
import type { IncomingMessage } from 'node:http';
import { findDuplicateMember } from './find-duplicate-member.ts';
import type { OffRampErrorDetail as ErrorDetail } from '../preflight/error-details.ts';

export const bodyLimitBytes = 64 * 1024;
/**
 * Past the limit a body is read and dropped, so that the client can read the 413 rather than a
 * reset connection; past this much more (or when Content-Length announces it) the 413 goes out
 * at once and the connection is closed, so nobody can keep the server busy reading.
 */
export const drainLimitBytes = 1024 * 1024;

export type ReadBody =
  | { kind: 'parsed'; value: unknown }
  /** A body fault, answered as `400 INVALID_USER_INPUT_ERROR` with this detail at path "". */
  | { kind: 'fault'; detail: ErrorDetail }
  /** Over the body limit: answered `413 PAYLOAD_TOO_LARGE` (step 0). */
  | { kind: 'tooLarge' }
  /** The client went away before the body ended: nobody to answer. */
  | { kind: 'aborted' };

// `application/json`, optionally with parameters; a charset, if given, must be UTF-8 (RFC 8259).
const jsonMediaType = /^application\/json\s*(;|$)/i;
const charsetParameter = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

function contentTypeFault(contentType: string | undefined): ErrorDetail | undefined {
  const fault = { path: '', message: 'must be sent with Content-Type application/json' };
  if (contentType === undefined || !jsonMediaType.test(contentType.trim())) return fault;
  const charset = charsetParameter.exec(contentType)?.[1];
  return charset === undefined || /^utf-8$/i.test(charset) ? undefined : { path: '', message: 'must be encoded in UTF-8' };
}

/**
 * A body in a Content-Encoding (gzip, br, ...) would be read as its compressed bytes: it is
 * refused rather than decoded, so that no proxy and this server can disagree on what was sent.
 */
function contentEncodingFault(contentEncoding: string | undefined): ErrorDetail | undefined {
  if (contentEncoding === undefined || /^identity$/i.test(contentEncoding.trim())) return undefined;
  return { path: '', message: 'must not be sent with a Content-Encoding other than identity' };
}

/** Reads the whole request (past the limit it is drained, not kept) and parses it as JSON. */
export function readJsonBody(request: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve) => {
    const announced = Number(request.headers['content-length']);
    if (announced > drainLimitBytes) return resolve({ kind: 'tooLarge' });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= bodyLimitBytes) chunks.push(chunk);
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
      if (size > bodyLimitBytes) return resolve({ kind: 'tooLarge' });
      const typeFault = contentTypeFault(request.headers['content-type']);
      if (typeFault) return resolve({ kind: 'fault', detail: typeFault });
      const encodingFault = contentEncodingFault(request.headers['content-encoding']);
      if (encodingFault) return resolve({ kind: 'fault', detail: encodingFault });
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size));
      } catch {
        return resolve({ kind: 'fault', detail: { path: '', message: 'must be encoded in UTF-8' } });
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return resolve({ kind: 'fault', detail: { path: '', message: 'must be valid JSON' } });
      }
      // JSON.parse is the strict parser; the scan only looks for what it silently accepts.
      const duplicate = findDuplicateMember(text);
      resolve(duplicate ? { kind: 'fault', detail: duplicate } : { kind: 'parsed', value });
    });
  });
}
