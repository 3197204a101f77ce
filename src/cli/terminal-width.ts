import { displayWidth, wrapHanging } from '../present/text-formats';

/** The narrowest width help and messages are fitted to: below it a line holds too few words to read (tables stop at 40). */
const MIN_TEXT_WIDTH = 20;
/** The widest: a longer line is hard to read, however wide the terminal (the same bound as tables). */
const MAX_TEXT_WIDTH = 160;

/**
 * The width help and messages are fitted to on a terminal `columns` wide
 * (20 to 160), or `otherwise` when the stream is no terminal or it tells no
 * width: 80 for help, as commander does; Infinity (one line, for the tools
 * that read it) for messages and `--version`.
 */
export function textWidth(columns: number | undefined, otherwise: number): number {
  return columns !== undefined && columns > 0 ? Math.min(Math.max(columns, MIN_TEXT_WIDTH), MAX_TEXT_WIDTH) : otherwise;
}

/** A message of the tool fitted to a width: after `label` (the program's name, on the first line), the lines it wraps onto indented by two. */
export function fitMessage(label: string, text: string, width: number): string[] {
  return wrapHanging(label, text, width, 2);
}

/**
 * A shell command line (a `--help` example) fitted to a width after `lead`:
 * broken only between words outside quotes, each broken line ending in ` \`
 * so that it still runs when copied, the lines after the first indented two
 * columns past the lead. A word wider than a whole line is broken where it must,
 * as a terminal would break it.
 */
export function fitCommandLine(lead: string, line: string, width: number): string[] {
  const indent = ' '.repeat(displayWidth(lead) + 2);
  const lines: string[] = [];
  const prefix = (): string => (lines.length === 0 ? lead : indent);
  let current = '';
  for (const word of shellWords(line)) {
    const longer = current === '' ? word : `${current} ${word}`;
    // A line that is broken ends with ` \`: room for it is kept.
    if (current !== '' && displayWidth(prefix()) + displayWidth(longer) + 2 > width) {
      lines.push(`${prefix()}${current} \\`);
      current = word;
    } else current = longer;
  }
  lines.push(`${prefix()}${current}`);
  return lines.flatMap((l, i) => {
    const start = i === 0 ? lead : indent;
    return displayWidth(l) <= width ? [l] : wrapHanging(start, l.slice(start.length), width, indent.length);
  });
}

/** The words of a shell line: split at spaces outside quotes (a quoted or escaped space stays in its word). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === null && c === ' ') {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    word += c;
    if (c === '\\' && quote !== "'" && i + 1 < line.length) word += line[++i]!;
    else if (quote === null && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = null;
  }
  if (word !== '') words.push(word);
  return words;
}
