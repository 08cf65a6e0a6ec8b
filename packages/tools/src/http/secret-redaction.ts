// Secrets a tool was given (partner keys, the password of a server URL) never reach its output:
// every line it prints and every report it writes passes through a redactor, which replaces each
// secret with its label. A hostile server may echo a key back, so this covers server text too.

export interface Secret {
  /** What the output shows instead, e.g. "apiKeys.valid". */
  label: string;
  value: string;
}

export type Redactor = (text: string) => string;

// Shorter values are not secrets worth hiding, and replacing them would garble ordinary text.
const minimumSecretLength = 6;

export function createRedactor(secrets: readonly Secret[]): Redactor {
  const replaced = secrets.filter((secret) => secret.value.length >= minimumSecretLength).sort((a, b) => b.value.length - a.value.length);
  if (replaced.length === 0) return (text) => text;
  return (text) => replaced.reduce((result, secret) => result.replaceAll(secret.value, `[${secret.label}]`), text);
}

/** A URL for people: its password (and any password-like user info) is shown as `***`. */
export function redactUrl(url: URL | string): string {
  const parsed = new URL(String(url));
  if (!parsed.password) return String(url);
  parsed.password = '***';
  return parsed.href;
}

/** The secrets of a URL: its password and its percent-decoded form. */
export function urlSecrets(url: URL, label = 'server password'): Secret[] {
  if (!url.password) return [];
  return [
    { label, value: url.password },
    { label, value: decodeURIComponent(url.password) },
  ];
}
