import type { PresentOptions } from './options';

/** What the CLI needs to know of an output format besides its presenters. */
export interface FormatTraits {
  /** Written for a person at a terminal: colored when color is on, fitted to the terminal's width. */
  readonly forPeople: boolean;
}

/**
 * Every output format of the tool, one entry each. A command offers the
 * formats it has presenters for; `--format`'s choices, the `--json` shorthand
 * and whether output is for people are all derived from this table.
 */
export const FORMAT_TRAITS = {
  table: { forPeople: true },
  json: { forPeople: false },
  csv: { forPeople: false },
  markdown: { forPeople: false },
  github: { forPeople: false },
  sarif: { forPeople: false },
  html: { forPeople: false },
} as const satisfies Record<string, FormatTraits>;

/** An output format. */
export type Format = keyof typeof FORMAT_TRAITS;

/** Turns a result into the text of one output format; never writes, never reads the environment. */
export type Presenter<R> = (result: R, options: PresentOptions) => string;

/** A command's formats: one presenter per format it offers. */
export type Presenters<R, F extends Format = Format> = { readonly [K in F]: Presenter<R> };

/** The formats every query command offers (services, who, can, show, list, search, matrix). */
export type QueryFormat = 'table' | 'json' | 'csv' | 'markdown';
