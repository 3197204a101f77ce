import type { SourceInfo } from '../catalog/model';
import { csv } from './formats/csv';
import { github } from './formats/github';
import { html } from './formats/html';
import { json } from './formats/json';
import { markdown } from './formats/markdown';
import { sarif } from './formats/sarif';
import { table } from './formats/table';
import type { OutputFormat, ResultKind, Results } from './output-format';
import type { PresentOptions } from './options';

export type { Presenter } from './output-format';

/**
 * Every output format of the tool, one entry each (its file under
 * src/present/formats/). A command offers exactly the formats that have a
 * presenter for its result: `--format`'s choices (in this order: export's
 * html before json, as it always listed them), `--json`, help, completion and
 * the manual follow, and whether output is for people is read from the traits.
 */
export const FORMATS = { html, table, json, csv, markdown, github, sarif } as const satisfies Record<string, OutputFormat>;

/** An output format. */
export type Format = keyof typeof FORMATS;

/** The formats that have a presenter for a kind of result: what a command may name as its default or as an alias's target. */
export type FormatFor<K extends ResultKind> = { [F in Format]: K extends keyof (typeof FORMATS)[F]['presenters'] ? F : never }[Format];

/**
 * A command that answers in JSON: one the json format presents. Every JSON document, and every --batch line,
 * names its command first, in `command`: one schema (schema/output.schema.json) then tells every answer
 * apart, and a reader can check it without knowing which command printed it.
 */
export type JsonCommand = keyof typeof json.presenters;

/** Whether a command answers in JSON. */
export function isJsonCommand(name: string): name is JsonCommand {
  return Object.hasOwn(json.presenters, name);
}

/** The formats that have a presenter for a kind of result, in the table's order. */
export function formatsFor(kind: ResultKind): Format[] {
  return (Object.keys(FORMATS) as Format[]).filter((f) => Object.hasOwn(FORMATS[f].presenters, kind));
}

/** A result presented in one format: the text for standard output, and what the format says beside it on standard error. */
export interface Presented {
  readonly text: string;
  readonly remarks: readonly string[];
}

/**
 * Presents a result in a format, with what the format does around its
 * presenter: the source line of an answer from the catalogue (`source`, null
 * for other answers) and the remarks it has no place for.
 */
export function present<K extends ResultKind>(format: Format, kind: K, result: Results[K], o: PresentOptions, source: SourceInfo | null): Presented {
  const entry: OutputFormat = FORMATS[format];
  const presenter = entry.presenters[kind];
  if (presenter === undefined) throw new Error(`${format} has no presenter for ${kind}`);
  const text = presenter(result, o);
  return {
    text: source !== null && entry.withSource !== undefined ? entry.withSource(text, source, o) : text,
    remarks: entry.remarks?.[kind]?.(result, o) ?? [],
  };
}
