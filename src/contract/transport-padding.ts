// The two transport scenarios are ordinary request examples with an extension that says how to
// make them oversized (see the spec's error catalog): `x-pad-body-to-bytes` pads the JSON body
// with spaces to that many bytes; `x-pad-headers-to-bytes` adds an `x-padding` header that long.

export interface OutgoingRequest {
  body: string;
  headers: Record<string, string>;
}

/** The request a scenario sends, after the padding its example asks for (if any). */
export function padForTransportScenario(example: Record<string, unknown>, request: OutgoingRequest): OutgoingRequest {
  const bodyBytes = example['x-pad-body-to-bytes'];
  const headerBytes = example['x-pad-headers-to-bytes'];
  let { body, headers } = request;
  if (typeof bodyBytes === 'number') {
    // Spaces before the closing brace keep the body valid JSON: only its size is wrong.
    const missing = Math.max(0, bodyBytes - Buffer.byteLength(body));
    body = `${body.slice(0, -1)}${' '.repeat(missing)}${body.slice(-1)}`;
  }
  if (typeof headerBytes === 'number') headers = { ...headers, 'x-padding': 'a'.repeat(headerBytes) };
  return { body, headers };
}
