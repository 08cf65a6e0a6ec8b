// Server text in a terminal: a hostile answer may carry line breaks and terminal escapes, or be
// huge. Tools print it on one line, with control characters shown as \uXXXX, shortened.

export function printableLine(text: string, maxLength = 300): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? ' | ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return flat.length > maxLength ? `${flat.slice(0, maxLength)}…` : flat;
}
