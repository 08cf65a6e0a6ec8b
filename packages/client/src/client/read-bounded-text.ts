// Reads a body as text, never more than `maxBytes`: a hostile or broken server can send an endless
// body, and `response.text()` would buffer all of it.

/** The text of the body, or `undefined` when it is larger than `maxBytes` (reading stopped there). */
export async function readBoundedText(response: Response, maxBytes: number): Promise<string | undefined> {
  if (declaredLength(response) > maxBytes) {
    discardBody(response);
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** `Content-Length` as a number; 0 when absent or unreadable (the reader still counts). */
export function declaredLength(response: Response): number {
  const length = Number(response.headers.get('content-length') ?? '');
  return Number.isFinite(length) ? length : 0;
}

export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => {});
}
