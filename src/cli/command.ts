import type { Format, Presenters } from '../present/formats';
import { isJsonCommand } from '../present/json-output';
import type { Messages, Text } from '../present/messages/messages';
import type { Lang } from '../present/options';
import { mdText } from '../present/markdown';
import { presentBatch } from '../present/present-batch';
import { sourceJson, sourceLine } from '../present/source-line';
import { wrap } from '../present/text-formats';
import type { Answer, Resolved } from '../query/ask';
import type { Context } from './context';
import type { EXIT, Outcome } from './exit-code';

/** The name of a command. */
export type CommandName = keyof Messages['commands'];

/** What a positional argument takes; completion offers names of that kind. */
export type ArgKind = 'clientele' | 'service' | 'name' | 'file' | 'words' | { readonly choices: readonly string[] };

/** A positional argument. */
export interface ArgSpec {
  readonly name: string;
  readonly description: Text;
  readonly kind: ArgKind;
  readonly required: boolean;
  /** Takes the rest of the words (a name of several words without quotes, or several files). */
  readonly variadic: boolean;
}

/** What an option's value is; completion offers values of that kind. */
export type OptionValue = 'category' | 'file' | { readonly choices: readonly string[] };

/** An option of one command (the global ones are declared in main.ts). */
export interface OptionSpec {
  /** commander's flags, such as `--tier <tier>`. */
  readonly flags: string;
  readonly description: Text;
  /** The value it takes; absent for a switch. */
  readonly value?: OptionValue;
}

/** An example shown in `--help` and run by the tests: `line` as shown after the program's name, or a whole shell line. */
export interface Example {
  /** As `--help` shows it. */
  readonly line: string;
  /** The arguments the example runs with, when `line` is not just the program's arguments (a pipe, a redirection). */
  readonly argv?: readonly string[];
  /** What the example feeds on standard input. */
  readonly stdin?: string;
  /** A file (relative to the repository) whose content the example feeds on standard input. */
  readonly stdinFile?: string;
  /**
   * The exit code the example shows when it is not 0, because that code is the
   * answer: a "no" from can, problems found by validate, a change found by diff
   * or by fmt --check. The tests require exactly this code (0 when absent).
   */
  readonly exits?: typeof EXIT.no;
  /** The file the example rewrites in place: that file is its answer (with a line on standard error), so it prints nothing on standard output. */
  readonly rewrites?: string;
}

/** The program's name, as people type it. */
export const PROGRAM = 'ramq-access';

/**
 * An example's line as people read it (`--help`, the README, the man page): a
 * whole shell line when the program runs in it as a command of its own (after
 * a pipe, in `<(…)`), else the program's arguments, shown after its name.
 */
export function shownExample(line: string): string {
  return new RegExp(`(^|[|;&(]\\s*)${PROGRAM}(\\s|$)`).test(line) ? line : `${PROGRAM} ${line}`;
}

/** The options of a run as commander parsed them, by attribute name (`--category` is `category`). */
export type Options = Readonly<Record<string, unknown>>;

/** A command's batch mode: questions from standard input, one per line, answered as NDJSON. */
export interface BatchSpec<R> {
  /** What one line holds, for `--help`. */
  readonly line: Text;
  /**
   * Prepares the question path once for the run (the catalogue, the filter built
   * from the options) and returns what resolves the names of one line: the very
   * function the single question goes through before it answers. The batch
   * answers once per key of what the answer depends on (see Resolved).
   */
  readonly prepare: (ctx: Context, opts: Options) => (line: string) => Answer<Resolved<R>>;
  /** The JSON of one answer: the same as the command's `--json` document. */
  readonly toJson: (result: R) => unknown;
}

/** One call of a command. */
export interface Call<R> {
  /** Positional arguments, in declaration order (a variadic one is an array). */
  readonly args: readonly (string | readonly string[] | undefined)[];
  readonly opts: Options;
  /** The format the user chose (null for a command with one fixed form). */
  readonly format: Format | null;
  /** Presents a result in the format the user chose and writes it. */
  readonly show: (result: R) => void;
}

/** The declaration of one command: everything help, completion, tests and the program loop need. */
export interface CommandSpec<R, F extends Format> {
  /** Its name, which is also its key in the message catalogue's `commands` (its summary). */
  readonly name: CommandName;
  readonly hidden?: boolean;
  readonly args: readonly ArgSpec[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly Example[];
  /** The formats the command offers, one presenter each, and the default; absent for a command whose output has one fixed form. */
  readonly formats?: {
    readonly presenters: Presenters<R, F>;
    readonly default: F;
    /** Other names `--format` accepts for one of these formats (validate's `text`, its older name for `table`). */
    readonly aliases?: Readonly<Record<string, F>>;
  };
  /** The definition in schema/output.schema.json that its JSON output follows (required when it offers json: a test checks). */
  readonly outputSchema?: string;
  /**
   * The command answers from the catalogue in use: its table and markdown end
   * with the source line ("Source: …, checked 2026-11-27") and its JSON, batch
   * lines included, carries `source`.
   */
  readonly fromCatalog?: boolean;
  /**
   * When the command reads the catalogue in use (`--catalog`, which may be `-`)
   * besides any answer from it: always, or only when it is given no file
   * (validate, fmt). A command answering from the catalogue reads it always.
   */
  readonly readsCatalog?: 'always' | 'without-files';
  /**
   * What CSV has no place for (how a name was read, the notes): said on standard error, a line each, so that
   * the rows stay data and the person who ran the command still reads it.
   */
  readonly remarks?: (result: R, lang: Lang) => readonly string[];
  readonly batch?: BatchSpec<R>;
  readonly run: (ctx: Context, call: Call<R>) => Outcome;
}

/** A command as the program loop sees it: its declaration without its result type. */
export interface CommandDefinition {
  readonly name: CommandName;
  readonly hidden: boolean;
  readonly args: readonly ArgSpec[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly Example[];
  /** The formats offered, in declaration order; empty when output has one fixed form. */
  readonly formats: readonly Format[];
  readonly formatAliases: Readonly<Record<string, Format>>;
  readonly defaultFormat: Format | null;
  readonly outputSchema: string | null;
  /** What one batch line holds, or null when the command has no batch mode. */
  readonly batchLine: Text | null;
  /**
   * Whether a call reads a file from standard input: a file argument `-`, or
   * the catalogue in use when it is `-` and the call reads it. `--stdin-filepath`
   * names that file, and is refused by a call that reads none.
   */
  readonly readsStdinFile: (args: Call<never>['args'], catalogPath: string) => boolean;
  /**
   * Whether a call reads the catalogue in use: `--catalog` names it, and is refused by a call that reads none
   * (diff and completion, validate and fmt given files): 'files' when it reads the files it is given, 'no' when it reads none.
   */
  readonly readsCatalogInUse: (args: Call<never>['args']) => 'yes' | 'files' | 'no';
  /** Runs a single call in a format (null when the command has no formats). */
  readonly execute: (ctx: Context, args: Call<never>['args'], opts: Options, format: Format | null) => Outcome;
  /** Runs the batch mode (the CLI has already refused what it cannot honour). */
  readonly executeBatch: ((ctx: Context, opts: Options) => Outcome) | null;
}

/** The values of a call's file arguments. */
function fileArguments(spec: { readonly args: readonly ArgSpec[] }, args: Call<never>['args']): string[] {
  return spec.args.flatMap((a, i) => {
    const value = a.kind === 'file' ? args[i] : undefined;
    return value === undefined ? [] : typeof value === 'string' ? [value] : value;
  });
}

/** Declares a command; its result type stays inside, checked against its presenters and its batch mode. */
export function defineCommand<R, F extends Format>(spec: CommandSpec<R, F>): CommandDefinition {
  const presenters = spec.formats?.presenters;
  const formats = presenters ? (Object.keys(presenters) as F[]) : [];
  const batch = spec.batch;
  return {
    name: spec.name,
    hidden: spec.hidden ?? false,
    args: spec.args,
    options: spec.options,
    examples: spec.examples,
    formats,
    formatAliases: spec.formats?.aliases ?? {},
    defaultFormat: spec.formats?.default ?? null,
    outputSchema: spec.outputSchema ?? null,
    batchLine: batch?.line ?? null,
    readsCatalogInUse: (args) => {
      const reads = spec.readsCatalog ?? (spec.fromCatalog === true ? 'always' : undefined);
      const files = fileArguments(spec, args);
      if (reads === 'always' || (reads === 'without-files' && files.length === 0)) return 'yes';
      return files.length > 0 || spec.args.some((a) => a.kind === 'file') ? 'files' : 'no';
    },
    readsStdinFile: (args, catalogPath) => {
      const files = spec.args.flatMap((a, i) => {
        const value = a.kind === 'file' ? args[i] : undefined;
        return value === undefined ? [] : typeof value === 'string' ? [value] : value;
      });
      if (files.includes('-')) return true;
      const reads = spec.readsCatalog ?? (spec.fromCatalog === true ? 'always' : undefined);
      return catalogPath === '-' && (reads === 'always' || (reads === 'without-files' && files.length === 0));
    },
    execute: (ctx, args, opts, format) => {
      const show = (result: R): void => {
        if (!presenters || format === null || !formats.includes(format as F)) throw new Error(`${spec.name} has no presenter for ${String(format)}`);
        const o = ctx.presentOptions(format);
        const text = presenters[format as F](result, o);
        const source = spec.fromCatalog === true ? o.source : null;
        if (source !== null && format === 'table') ctx.emit(`${text}${wrap(sourceLine(source, o.lang), o.width).map(o.palette.dim).join('\n')}\n`);
        else if (source !== null && format === 'markdown') ctx.emit(`${text}\n_${mdText(sourceLine(source, o.lang))}_\n`);
        else ctx.emit(text);
        if (format === 'csv' && spec.remarks) for (const line of spec.remarks(result, o.lang)) ctx.warn(line);
      };
      return spec.run(ctx, { args, opts, format, show });
    },
    executeBatch:
      batch === undefined
        ? null
        : (ctx, opts) => {
            const resolve = batch.prepare(ctx, opts);
            // Each line is the command's --json document, `source` included.
            const source = spec.fromCatalog === true ? sourceJson(ctx.catalogIndex().catalog.source) : null;
            const toJson = source === null ? batch.toJson : (r: R): unknown => ({ ...(batch.toJson(r) as object), source });
            if (!isJsonCommand(spec.name)) throw new Error(`${spec.name} has a batch mode but no JSON documents`);
            const presenter = presentBatch(spec.name, resolve, toJson, ctx.lang);
            const output = outputBuffer((bytes) => ctx.emit(bytes));
            // Answers go out before the next read waits: a coprocess that sends its next question once it has the answer is answered.
            for (const line of ctx.stdinLines(ctx.m.stdinPurposes.batch)) {
              if (line === null) output.flush();
              else output.add(presenter.answer(line));
            }
            output.flush();
            return { kind: 'batch', errors: presenter.errors() };
          },
  };
}

/** Bytes of batch answers gathered before a write: enough to amortise writes, little enough to keep memory flat. */
const OUTPUT_BYTES = 256 * 1024;

/** Gathers output bytes and writes them when the buffer is full or when told to (the buffer is reused: `write` must be done with it on return). */
function outputBuffer(write: (bytes: Uint8Array) => void): { add: (bytes: Uint8Array) => void; flush: () => void } {
  const buffer = Buffer.allocUnsafe(OUTPUT_BYTES);
  let length = 0;
  const flush = (): void => {
    if (length === 0) return;
    const full = buffer.subarray(0, length);
    length = 0;
    write(full);
  };
  return {
    add: (bytes) => {
      if (length + bytes.length > buffer.length) {
        flush();
        if (bytes.length > buffer.length) return write(bytes);
      }
      buffer.set(bytes, length);
      length += bytes.length;
    },
    flush,
  };
}

/** The options every command takes, declared once on the program and shown in every command's help. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '--catalog <path>', description: (m) => m.options.catalog, value: 'file' },
  { flags: '--lang <lang>', description: (m) => m.options.lang, value: { choices: ['fr', 'en'] } },
  { flags: '--stdin-filepath <path>', description: (m) => m.options.stdinFilepath, value: 'file' },
  { flags: '--color', description: (m) => m.options.color },
  { flags: '--no-color', description: (m) => m.options.noColor },
  { flags: '--debug', description: (m) => m.options.debug },
];

/**
 * Every option of a command: its own, then those its declaration implies —
 * `--format` with the formats it has presenters for (and their aliases),
 * `--json` when it offers json, `--batch` when it has a batch mode. Help,
 * parsing and completion all read this one list.
 */
export function optionsOf(command: CommandDefinition): OptionSpec[] {
  const options = [...command.options];
  if (command.formats.length > 0) {
    const aliases = Object.entries(command.formatAliases);
    options.push({
      flags: '-f, --format <format>',
      description: (m) => m.options.format(command.defaultFormat ?? command.formats[0] ?? '', aliases),
      value: { choices: [...command.formats, ...aliases.map(([alias]) => alias)] },
    });
    if (command.formats.includes('json')) options.push({ flags: '--json', description: (m) => m.options.json });
  }
  const line = command.batchLine;
  if (line !== null) options.push({ flags: '--batch', description: (m) => m.options.batch(line(m)) });
  return options;
}
