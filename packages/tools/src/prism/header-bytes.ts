// The size of a request's headers as Node's HTTP parser counts it against `--max-http-header-size`:
// the request target plus every header name and value, without separators (node_http_parser's
// TrackHeader; 431 once the count reaches the limit). The mock's front listens with Prism's raised
// limit, so that named scenarios reach Prism, and applies the reference's limit itself to the rest.
import type { IncomingMessage } from 'node:http';

export function headerBytes(request: IncomingMessage): number {
  let count = Buffer.byteLength(request.url ?? '', 'latin1');
  for (const part of request.rawHeaders) count += Buffer.byteLength(part, 'latin1');
  return count;
}

/** Whether Node's parser, with a header limit of `limitBytes`, would refuse these headers. */
export const overHeaderLimit = (request: IncomingMessage, limitBytes: number): boolean => headerBytes(request) >= limitBytes;
