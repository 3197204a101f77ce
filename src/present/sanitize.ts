// C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Makes catalogue or user text safe to print on a terminal: control characters and escape sequences become visible `\u{..}` text. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/** Sanitises each line of a text of several lines: the line breaks are the caller's own, everything inside a line is neutralised. */
export function sanitizeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => sanitizeText(line))
    .join('\n');
}
