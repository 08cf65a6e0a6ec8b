// Header checks made before anything is sent. A header the platform refuses makes `fetch` throw an
// error that quotes the value, so an invalid key would end up in an error message: refuse it first.

/** RFC 9110 token. */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What `fetch` accepts in a value: no CR, LF or NUL, bytes only. */
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The key: visible ASCII only, so no space, tab or line break can slip in from a file or variable. */
const apiKeyValue = /^[\x21-\x7e]+$/;

export function isValidApiKey(apiKey: string): boolean {
  return apiKeyValue.test(apiKey);
}

/** Name of the first invalid header of `headers`, or undefined. Values are never reported. */
export function invalidHeaderName(headers: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (!headerName.test(name) || typeof value !== 'string' || !headerValue.test(value)) return name;
  }
  return undefined;
}

/** A header name fit for a message: printable, short. */
export const quotedHeaderName = (name: string) => JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name);
