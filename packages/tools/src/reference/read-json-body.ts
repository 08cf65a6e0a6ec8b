// The step `body` of the order of checks, as far as bytes go: the body must be sent as JSON without a
// Content-Encoding, be UTF-8, parse, and repeat no member name. Whether the parsed value is an
// object is the preflight's call. The size limit (the step `transport`) is read-body-bytes.ts.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { findDuplicateMember } from './find-duplicate-member.ts';
import { readBodyBytes, type BodyBytes } from './read-body-bytes.ts';
import type { OffRampErrorDetail as ErrorDetail } from '@off-ramp/client';

/** A body that arrived whole and within the limit: its JSON value, or the fault that ends the step `body`. */
export type JsonBody =
  | { kind: 'parsed'; value: unknown }
  /** A body fault, answered as `400 INVALID_USER_INPUT_ERROR` with this detail at path "". */
  | { kind: 'fault'; detail: ErrorDetail };

export type ReadBody = JsonBody | Exclude<BodyBytes, { kind: 'bytes' }>;

// `application/json`, optionally with parameters; a charset, if given, must be UTF-8 (RFC 8259).
const jsonMediaType = /^application\/json\s*(;|$)/i;
const charsetParameter = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

function contentTypeFault(contentType: string | undefined): ErrorDetail | undefined {
  // Stryker disable next-line StringLiteral: the spec fixes this detail's path (""), not its wording.
  const fault = { path: '', message: 'must be sent with Content-Type application/json' };
  // Stryker disable next-line MethodExpression: Node trims header values already.
  if (contentType === undefined || !jsonMediaType.test(contentType.trim())) return fault;
  const charset = charsetParameter.exec(contentType)?.[1];
  // Stryker disable next-line StringLiteral: the spec fixes this detail's path (""), not its wording.
  return charset === undefined || /^utf-8$/i.test(charset) ? undefined : { path: '', message: 'must be encoded in UTF-8' };
}

/**
 * A body in a Content-Encoding (gzip, br, ...) would be read as its compressed bytes: it is
 * refused rather than decoded, so that no proxy and this server can disagree on what was sent.
 */
function contentEncodingFault(contentEncoding: string | undefined): ErrorDetail | undefined {
  // Stryker disable next-line MethodExpression: Node trims header values already.
  if (contentEncoding === undefined || /^identity$/i.test(contentEncoding.trim())) return undefined;
  // Stryker disable next-line StringLiteral: the spec fixes this detail's path (""), not its wording.
  return { path: '', message: 'must not be sent with a Content-Encoding other than identity' };
}

// Stryker disable ObjectLiteral,StringLiteral: a fault object lost here reaches the preflight as no body, which answers the same 400 with a detail at "".
/** Judges a whole body (already within the size limit) by its headers and bytes, and parses it. */
export function parseJsonBody(headers: IncomingHttpHeaders, bytes: Buffer): JsonBody {
  const typeFault = contentTypeFault(headers['content-type']);
  if (typeFault) return { kind: 'fault', detail: typeFault };
  const encodingFault = contentEncodingFault(headers['content-encoding']);
  if (encodingFault) return { kind: 'fault', detail: encodingFault };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Stryker disable next-line StringLiteral: the spec fixes this detail's path (""), not its wording.
    return { kind: 'fault', detail: { path: '', message: 'must be encoded in UTF-8' } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Stryker disable next-line StringLiteral: the spec fixes this detail's path (""), not its wording.
    return { kind: 'fault', detail: { path: '', message: 'must be valid JSON' } };
  }
  // JSON.parse is the strict parser; the scan only looks for what it silently accepts.
  const duplicate = findDuplicateMember(text);
  return duplicate ? { kind: 'fault', detail: duplicate } : { kind: 'parsed', value };
}

// Stryker restore ObjectLiteral,StringLiteral

/** Reads the whole request (past the limit it is drained, not kept) and parses it as JSON. */
export async function readJsonBody(request: IncomingMessage): Promise<ReadBody> {
  const body = await readBodyBytes(request);
  return body.kind === 'bytes' ? parseJsonBody(request.headers, body.bytes) : body;
}
