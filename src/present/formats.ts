import type { PresentOptions } from './options';

/** What the CLI needs to know of an output format besides its presenters. */
export interface FormatTraits {
  /** Written for a person at a terminal: colored when color is on, fitted to the terminal's width. */
  readonly forPeople: boolean;
  /** What `--help` says of it. */
  readonly summary: string;
}

/**
 * Every output format of the tool, one entry each. A command offers the
 * formats it has presenters for; `--format`'s choices, the `--json` shorthand
 * and whether output is for people are all derived from this table.
 */
export const FORMAT_TRAITS = {
  table: { forPeople: true, summary: 'tables and sentences for people' },
  json: { forPeople: false, summary: 'one JSON document (see schema/output.schema.json)' },
  csv: { forPeople: false, summary: 'CSV (RFC 4180) with a header line' },
  markdown: { forPeople: false, summary: 'Markdown, for an issue or a pull request' },
  github: { forPeople: false, summary: 'GitHub Actions annotations' },
  sarif: { forPeople: false, summary: 'SARIF 2.1.0, for code scanning' },
  html: { forPeople: false, summary: 'one self-contained HTML page' },
} as const satisfies Record<string, FormatTraits>;

/** An output format. */
export type Format = keyof typeof FORMAT_TRAITS;

/** Turns a result into the text of one output format; never writes, never reads the environment. */
export type Presenter<R> = (result: R, options: PresentOptions) => string;

/** A command's formats: one presenter per format it offers. */
export type Presenters<R, F extends Format = Format> = { readonly [K in F]: Presenter<R> };

/** The formats every query command offers (services, who, can, show, list, search, matrix). */
export type QueryFormat = 'table' | 'json' | 'csv' | 'markdown';
