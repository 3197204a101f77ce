import type { Palette } from './options';
import { mdText } from './markdown';
import { sanitizeText } from './sanitize';

/** Quotes one CSV field (RFC 4180). */
export function csvField(value: string | number | boolean | null): string {
  // Control and invisible characters are shown as `\u{..}`, as on a terminal: a CSV file is read by people too.
  // Tabs and line breaks are CSV's own (quoted, or neutralised below when they lead).
  const raw = value === null ? '' : String(value).replace(/[^\t\r\n]+/g, (run) => sanitizeText(run));
  // A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR first) is neutralised with a leading
  // apostrophe, as OWASP advises: catalogue text comes from pull requests and must never run.
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV cell holding a list: one item per line (inside the quoted cell). A catalogue text is one line by
 * the schema, so a line break cannot occur inside an item and two items never read as one.
 */
export function csvList(items: readonly string[]): string {
  return items.join('\n');
}

/**
 * A CSV cell holding grants (the matrix's cells, `also`): per grant a line with its tier and, when inherited,
 * `inherited_from=<id>`, then each condition on a line of its own starting with `- `.
 */
export function csvGrants(
  grants: readonly { tier: string; inherited_from: string | null; conditions: readonly Record<'fr' | 'en', string>[] }[],
  lang: 'fr' | 'en',
): string {
  return csvList(
    grants.flatMap((g) => [g.inherited_from === null ? g.tier : `${g.tier} inherited_from=${g.inherited_from}`, ...g.conditions.map((c) => `- ${c[lang]}`)]),
  );
}

/** Renders rows as CSV with a header line. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Escapes a value for a Markdown table cell: as any inline text (mdText, which escapes `|` too). */
export function mdCell(value: string): string {
  return mdText(value);
}

/** Renders a Markdown table. */
export function toMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.map(mdCell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(mdCell).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

// Text made of these characters is as wide as it is long (the characters of scripts/plain-width.js that are most common here).
const ONE_COLUMN = /^[\x20-\x7e\xa0-\xa8\xaa-\xad\xaf-\u02ff\u2010-\u2027]*$/;
let stringWidth: ((s: string) => number) | undefined;

/** How many terminal columns a text takes (string-width's answer: wide characters count two, escapes and combining marks none). */
export function displayWidth(text: string): number {
  if (ONE_COLUMN.test(text)) return text.length;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  stringWidth ??= require('string-width') as (s: string) => number;
  return stringWidth(text);
}

/** The no-break spaces: a line is never broken at one, nor just after one. */
const NO_BREAK = /^[\u00a0\u202f]/;

/** Cuts a word wider than `width` into pieces that fit: after a hyphen (or a slash, in a path) when one falls late enough in the piece, else at the width. Escapes stay whole. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  // eslint-disable-next-line no-control-regex
  for (const [unit] of word.matchAll(/\u001b\[[0-9;]*m|[\s\S]/gu)) {
    const w = unit.startsWith('\u001b') ? 0 : displayWidth(unit);
    if (used + w > width && used > 0) {
      const hyphen = Math.max(piece.lastIndexOf('-'), piece.lastIndexOf('/'));
      let cut = hyphen >= piece.length / 3 && hyphen < piece.length - 1 ? hyphen + 1 : piece.length;
      // A no-break space glues a word to the punctuation after it (French typography): the cut goes before the word, never after the space.
      // Where the word that ends at `at` starts; for a word as wide as the line, one character back, which then goes with it.
      const before = (at: number): number => {
        const start = piece.slice(0, at).search(/\S*$/);
        return start > 0 ? start : Math.max(1, at - 1);
      };
      const next = cut === piece.length ? unit : (piece[cut] ?? '');
      if (NO_BREAK.test(next)) cut = before(cut);
      else if (/^[:;!?»]/.test(next) && NO_BREAK.test(piece[cut - 1] ?? '')) cut = before(cut - 1);
      pieces.push(piece.slice(0, cut));
      piece = piece.slice(cut);
      used = displayWidth(piece);
    }
    piece += unit;
    used += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Wraps one paragraph at spaces: the first line to `width` display columns,
 * the others to `restWidth`. The spaces where a line breaks are dropped, the
 * others kept as they are. A word wider than its line (a long id) is broken,
 * after a hyphen when it can be. ANSI escapes take no room and are never cut.
 */
export function wrap(text: string, width: number, restWidth = width): string[] {
  // Output that is not a terminal has no width: the paragraph is its one line (a report of 100,000 findings need not measure each word).
  if (width === Infinity && restWidth === Infinity) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const room = (): number => Math.max(1, lines.length === 0 ? width : restWidth);
  // Words at even indexes, the runs of spaces between them at odd ones.
  const parts = text.split(/( +)/);
  for (let k = 0; k < parts.length; k += 2) {
    const word = parts[k]!;
    const gap = k === 0 ? '' : parts[k - 1]!;
    if (word === '' && k > 0) continue;
    const w = displayWidth(word);
    if (line === '' && lines.length === 0 && w > room() && w <= Math.max(1, restWidth)) {
      // A first line narrower than the others (after a label) is left empty rather than break a word that fits below.
      lines.push('');
      line = word;
      used = w;
    } else if (k === 0 || used + gap.length + w <= room()) {
      line += `${gap}${word}`;
      used += gap.length + w;
    } else {
      if (line !== '') lines.push(line);
      line = word;
      used = w;
    }
    if (used > room()) {
      // The first piece fills this line; the rest, broken once more to the width of the lines after it.
      const [head = '', ...tail] = breakWord(line, room());
      lines.push(head);
      const pieces = breakWord(tail.join(''), room());
      line = pieces.pop() ?? '';
      lines.push(...pieces);
      used = displayWidth(line);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Wraps a paragraph that starts with a label (`- `, `Condition 1 : `, a file
 * position and a code): the label stays whole on the first line, even when
 * it is wider than the line, and the lines after the first are indented by
 * `indent`, by default the label's width when that leaves room, else two.
 */
export function wrapHanging(label: string, text: string, width: number, indent?: number): string[] {
  const labelWidth = displayWidth(label);
  const hang = indent ?? (labelWidth <= width / 3 ? labelWidth : 2);
  const indented = (l: string): string => `${' '.repeat(hang)}${l}`;
  // A label that leaves too little room on its line has the text start under it; the label itself is never broken (it may be a file position tools read).
  if (labelWidth > width - Math.min(10, width / 4)) {
    return [label.trimEnd(), ...wrap(text, width - hang).map(indented)];
  }
  const [first = '', ...rest] = wrap(text, width - labelWidth, width - hang);
  return [first === '' ? label.trimEnd() : `${label}${first}`, ...rest.map(indented)];
}

/** One paragraph of a table cell, and the style its lines are drawn in. */
export interface Styled {
  readonly text: string;
  readonly style?: ((s: string) => string) | undefined;
}

/** A table cell: plain text (lines separated by `\n`) or styled paragraphs. Catalogue text in it is already sanitised. */
export type Cell = string | readonly Styled[];

/** A row of a boxed table: cells, or a heading that spans the whole width. */
export type BoxRow = readonly Cell[] | { readonly section: string; readonly style?: ((s: string) => string) | undefined };

function paragraphsOf(cell: Cell): readonly Styled[] {
  if (typeof cell !== 'string') return cell.flatMap((p) => p.text.split('\n').map((text) => ({ text, style: p.style })));
  return cell.split('\n').map((text) => ({ text }));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * The content width of each column. Every column gets its natural width when
 * the table fits. Else a narrow column (no wider than a fair share of the
 * room) keeps its natural width, every other keeps at least its longest word
 * (so that an id is not broken) and the room left is shared out by `shares`;
 * when even the longest words do not fit, the widest columns are narrowed first.
 */
export function fitColumns(natural: readonly number[], longestWord: readonly number[], shares: readonly number[], room: number): number[] {
  if (sum(natural) <= room) return [...natural];
  const minimum = longestWord.map((w, i) => Math.min(w, natural[i] ?? w));
  if (sum(minimum) > room) {
    let cap = Math.max(...minimum);
    while (cap > 4 && sum(minimum.map((m) => Math.min(m, cap))) > room) cap--;
    const widths = minimum.map((m) => Math.min(m, cap));
    // The columns that were narrowed take back what the cap left over, one column each.
    const narrowed = widths.map((_, i) => i).filter((i) => (minimum[i] ?? 0) > cap);
    for (let spare = room - sum(widths), k = 0; spare > 0 && narrowed.length > 0; spare--, k++) widths[narrowed[k % narrowed.length]!]! += 1;
    return widths;
  }
  const widths = [...minimum];
  const open = new Set(widths.keys());
  const fixedRoom = (): number => room - sum([...widths.keys()].filter((i) => !open.has(i)).map((i) => widths[i]!));
  for (const i of [...open].sort((a, b) => natural[a]! - natural[b]!)) {
    const left = fixedRoom();
    const others = sum([...open].filter((j) => j !== i).map((j) => minimum[j]!));
    if (natural[i]! > left / open.size || left - natural[i]! < others) break;
    widths[i] = natural[i]!;
    open.delete(i);
  }
  let spare = fixedRoom() - sum([...open].map((i) => widths[i]!));
  while (spare > 0) {
    const growing = [...open].filter((i) => widths[i]! < natural[i]!);
    if (growing.length === 0) break;
    const weight = sum(growing.map((i) => shares[i] ?? 1)) || 1;
    let given = 0;
    for (const i of growing) {
      const add = Math.min(natural[i]! - widths[i]!, Math.floor((spare * (shares[i] ?? 1)) / weight));
      widths[i]! += add;
      given += add;
    }
    if (given === 0) {
      const i = growing.reduce((best, j) => ((shares[j] ?? 1) > (shares[best] ?? 1) ? j : best));
      widths[i]! += 1;
      given = 1;
    }
    spare -= given;
  }
  return widths;
}

/** A column that may move into the first column, as lines that start with `label`, when the table is too narrow for it. */
export interface Foldable {
  readonly column: number;
  readonly label: string;
}

/** The natural width of each column (its longest line) and the width of its longest word. */
function measure(header: readonly string[], rows: readonly (readonly Cell[])[]): { natural: number[]; longestWord: number[] } {
  const natural = header.map((h) => displayWidth(h));
  const longestWord = header.map((h) => Math.max(...h.split(' ').map(displayWidth)));
  for (const row of rows) {
    row.forEach((cell, i) => {
      for (const p of paragraphsOf(cell)) {
        natural[i] = Math.max(natural[i] ?? 0, displayWidth(p.text));
        for (const word of p.text.split(' ')) longestWord[i] = Math.max(longestWord[i] ?? 0, displayWidth(word));
      }
    });
  }
  return { natural, longestWord };
}

/** Moves one column's cells into the first column, each under its label. */
function foldColumn(row: readonly Cell[], { column, label }: Foldable): Cell[] {
  const moved = paragraphsOf(row[column] ?? '').filter((p) => p.text !== '');
  const first = [...paragraphsOf(row[0] ?? ''), ...moved.map((p, i) => (i === 0 ? { text: `${label}${p.text}`, style: p.style } : p))];
  return [first, ...row.slice(1).filter((_, i) => i + 1 !== column)];
}

// Each column has one space of padding on either side and a border after it, plus the border on the left.
const roomFor = (width: number, columns: number): number => width - 1 - columns * 3;

/**
 * Renders a boxed table no wider than `width` columns. The table wraps every
 * cell itself (so that nothing is cut and styles never span a wrapped line)
 * and leaves cli-table3 only the drawing; cli-table3's own header and border
 * colors are off so that the palette alone decides color. `shares` says how
 * room beyond the longest words is shared out between the columns. When the
 * longest words (ids) would not fit side by side, the `fold` columns, in
 * order, move into the first column before any id is broken.
 */
export function toBoxTable(
  header: readonly string[],
  allRows: readonly BoxRow[],
  shares: readonly number[],
  width: number,
  palette: Palette,
  fold: readonly Foldable[] = [],
): string {
  let head = [...header];
  let rows = allRows;
  let weights = [...shares];
  let { natural, longestWord } = measure(
    head,
    rows.filter((r): r is readonly Cell[] => Array.isArray(r)),
  );
  const pending = [...fold].reverse();
  for (let next = pending.pop(); next !== undefined && sum(longestWord) > roomFor(width, head.length); next = pending.pop()) {
    const f = next;
    rows = rows.map((r) => (Array.isArray(r) ? foldColumn(r as readonly Cell[], f) : r));
    head = head.filter((_, i) => i !== f.column);
    weights = weights.filter((_, i) => i !== f.column);
    // Later folds name columns as they were numbered before this one left.
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i]!;
      if (p.column > f.column) pending[i] = { ...p, column: p.column - 1 };
    }
    ({ natural, longestWord } = measure(
      head,
      rows.filter((r): r is readonly Cell[] => Array.isArray(r)),
    ));
  }
  const columns = head.length;
  const widths = fitColumns(natural, longestWord, weights, roomFor(width, columns));
  const draw = (cell: Cell, w: number): string =>
    paragraphsOf(cell)
      .flatMap((p) => wrap(p.text, w).map((line) => (p.style && line !== '' ? p.style(line) : line)))
      .join('\n');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Table = require('cli-table3') as typeof import('cli-table3');
  const table = new Table({
    head: head.map((h, i) => draw([{ text: h, style: palette.bold }], widths[i] ?? 1)),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], compact: false },
  });
  const spanned = sum(widths) + (columns - 1) * 3;
  for (const row of rows) {
    if (Array.isArray(row)) table.push((row as readonly Cell[]).map((cell, i) => draw(cell, widths[i] ?? 1)));
    else {
      const section = row as Exclude<BoxRow, readonly Cell[]>;
      table.push([{ colSpan: columns, content: draw([{ text: section.section, style: section.style }], spanned) }]);
    }
  }
  return table.toString() + '\n';
}
