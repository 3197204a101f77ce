import type { Palette } from './options';
import { sanitizeText } from './sanitize';

/** Quotes one CSV field (RFC 4180). */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders rows as CSV with a header line. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Escapes a value for a Markdown table cell. */
export function mdCell(value: string): string {
  return sanitizeText(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/\n/g, '<br>');
}

/** Renders a Markdown table. */
export function toMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.map(mdCell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(mdCell).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/**
 * Renders a boxed table that fits `width` columns. Callers sanitise catalogue
 * text before they style it; cli-table3's own header and border colors are
 * switched off so that the palette alone decides color.
 */
/** A row of a boxed table: cells, or a heading that spans the whole width. */
export type BoxRow = readonly string[] | { readonly section: string };

export function toBoxTable(header: readonly string[], allRows: readonly BoxRow[], shares: readonly number[], width: number, palette: Palette): string {
  const rows = allRows.filter((r): r is readonly string[] => Array.isArray(r));
  // Each column is at least as wide as its longest word (ids must never be cut), then the rest is shared out.
  const padding = 2;
  const minimum = header.map((h, i) => {
    const words = [h, ...rows.map((r) => r[i] ?? '')].flatMap((cell) => stripAnsi(cell).split(/[\s]+/));
    return Math.min(60, Math.max(4, ...words.map((w) => [...w].length))) + padding;
  });
  const borders = header.length + 1;
  const spare = Math.max(0, width - borders - minimum.reduce((a, b) => a + b, 0));
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  const colWidths = minimum.map((m, i) => m + Math.floor((spare * (shares[i] ?? 1)) / total));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Table = require('cli-table3') as typeof import('cli-table3');
  const table = new Table({
    head: header.map((h) => palette.bold(h)),
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: false },
  });
  for (const row of allRows) {
    if (Array.isArray(row)) table.push([...row]);
    else table.push([{ colSpan: header.length, content: (row as { section: string }).section }]);
  }
  return table.toString() + '\n';
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Wraps plain text to a width at spaces; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line === '') line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line !== '') lines.push(line);
  return lines.flatMap((l) => (l.length <= width ? [l] : (l.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [l])));
}
