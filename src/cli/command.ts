import { formatsFor, isJsonCommand, present, type Format, type FormatFor } from '../present/formats';
import type { Messages, Placeholder, Text } from '../present/messages/messages';
import type { ResultKind, Results } from '../present/output-format';
import { presentBatch } from '../present/present-batch';
import { sourceJson } from '../present/source-line';
import type { Answer, Resolved } from '../query/ask';
import type { Context } from './context';
import type { EXIT, Outcome } from './exit-code';

/** The name of a command. */
export type CommandName = keyof Messages['commands'];

/** What a positional argument takes; completion offers names of that kind. */
export type ArgKind = 'clientele' | 'service' | 'name' | 'file' | 'words' | { readonly choices: readonly string[] };

/** A positional argument, declared once: commander, help, completion and the type of its value in `run` are read from it. */
export interface ArgSpec {
  /** Its name in usage lines (`<clientele...>`), in the run's language. */
  readonly name: Placeholder;
  readonly description: Text;
  readonly kind: ArgKind;
  /**
   * Whether a call must give it. 'unless-batch': a single question must, while with --batch the questions come
   * from standard input; commander then takes it as optional and the command checks it.
   */
  readonly required: boolean | 'unless-batch';
  /** Takes the rest of the words (a name of several words without quotes, or several files). */
  readonly variadic: boolean;
}

/** What an option's value is; completion offers values of that kind. */
export type OptionValue = 'category' | 'file' | { readonly choices: readonly string[] };

/** An option, declared once: commander's flags, help, completion, the manual and the type of its value in `run` are read from it. */
export interface OptionSpec {
  /** The long flag without its dashes: `tier` is `--tier`; `no-color` is the negation of `color`. */
  readonly long: string;
  /** A one-letter flag without its dash: `f` is `-f`. */
  readonly short?: string;
  /** The name of the value it takes in usage lines (`--tier <tier>`); absent for a switch. */
  readonly value?: Placeholder;
  /** What the value is (choices, a category, a file); absent for any text. */
  readonly kind?: OptionValue;
  readonly description: Text;
}

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
/** The attribute commander keeps an option's value under: `--stdin-filepath` is `stdinFilepath`, `--no-color` is `color`. */
type AttributeOf<O extends OptionSpec> = O extends OptionSpec ? CamelCase<O['long'] extends `no-${infer Name}` ? Name : O['long']> : never;
type Choices<K> = K extends { readonly choices: readonly (infer C)[] } ? C : string;
type TakesValue<O extends OptionSpec> = O extends { readonly value: string } ? O : never;
type Switch<O extends OptionSpec> = O extends { readonly value: string } ? never : O;
type Negated<Os extends readonly OptionSpec[]> = Os[number] extends infer O
  ? O extends { readonly long: `no-${infer Name}` }
    ? CamelCase<Name>
    : never
  : never;

/**
 * The values of a list of options, typed from their declaration: an option that takes a value is absent when
 * not given (the union of its choices when it has some); a switch is true or false, except one that has a
 * negation (`--color`, `--no-color`), absent when neither is given.
 */
export type OptionValues<Os extends readonly OptionSpec[]> = {
  readonly [O in Os[number] as AttributeOf<TakesValue<O>>]?: Choices<O['kind']>;
} & {
  readonly [O in Os[number] as AttributeOf<Switch<O>> extends Negated<Os> ? AttributeOf<Switch<O>> : never]?: boolean;
} & {
  readonly [O in Os[number] as AttributeOf<Switch<O>> extends Negated<Os> ? never : AttributeOf<Switch<O>>]: boolean;
};

type ArgValue<A extends ArgSpec> = A extends { readonly variadic: true }
  ? readonly string[]
  : Choices<A['kind']> | (A extends { readonly required: true } ? never : undefined);

/** The values of a command's positional arguments, typed from their declaration (a variadic one is a list, empty when absent). */
export type ArgValues<As extends readonly ArgSpec[]> = { readonly [I in keyof As]: As[I] extends ArgSpec ? ArgValue<As[I]> : never };

/** Positional arguments as commander passes them, before they are typed by their declaration. */
export type RawArgs = readonly unknown[];
/** Options as commander keeps them, by attribute, before they are typed by their declaration. */
export type RawOptions = Readonly<Record<string, unknown>>;

/** The attribute commander keeps an option's value under (see AttributeOf). */
export function attributeOf(option: OptionSpec): string {
  return option.long
    .replace(/^no-/, '')
    .split('-')
    .map((word, i) => (i === 0 ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`))
    .join('');
}

/** The values of the declared options among those commander parsed, typed by the declaration. */
export function optionValues<const Os extends readonly OptionSpec[]>(options: Os, raw: RawOptions): OptionValues<Os> {
  const negated = new Set(options.filter((o) => o.long.startsWith('no-')).map(attributeOf));
  const values: Record<string, unknown> = {};
  for (const option of options) {
    const key = attributeOf(option);
    if (option.value === undefined && !negated.has(key)) values[key] = raw[key] === true;
    else if (raw[key] !== undefined) values[key] = raw[key];
  }
  // The one place commander's untyped values meet their declaration: each key is read as declared above.
  return values as OptionValues<Os>;
}

/** The choices an option's value or an argument takes, when it is one of a fixed set. */
export function choicesOf(kind: ArgKind | OptionValue | undefined): readonly string[] | undefined {
  return kind !== undefined && typeof kind !== 'string' ? kind.choices : undefined;
}

/** An option's flags as commander takes them and help shows them: `-f, --format <format>`, its value named in the run's language (by its key without one). */
export function optionFlags(option: OptionSpec, m?: Messages): string {
  const short = option.short === undefined ? '' : `-${option.short}, `;
  return `${short}--${option.long}${option.value === undefined ? '' : ` <${m?.placeholders[option.value] ?? option.value}>`}`;
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

/** A command's batch mode: questions from standard input, one per line, answered as NDJSON. */
export interface BatchSpec<R, Os extends readonly OptionSpec[]> {
  /** What one line holds, for `--help`. */
  readonly line: Text;
  /**
   * Prepares the question path once for the run (the catalogue, the filter built
   * from the options) and returns what resolves the names of one line: the very
   * function the single question goes through before it answers. The batch
   * answers once per key of what the answer depends on (see Resolved).
   */
  readonly prepare: (ctx: Context, opts: OptionValues<Os>) => (line: string) => Answer<Resolved<R>>;
  /** The JSON of one answer: the same as the command's `--json` document. */
  readonly toJson: (result: R) => unknown;
}

/** One call of a command, its arguments and options typed by the command's declaration. */
export interface Call<R, Os extends readonly OptionSpec[], As extends readonly ArgSpec[]> {
  /** Positional arguments, in declaration order (a variadic one is an array). */
  readonly args: ArgValues<As>;
  /** Its own options (not --format, --json, --batch, which the program reads). */
  readonly opts: OptionValues<Os>;
  /** The format the user chose (null for a command with one fixed form). */
  readonly format: Format | null;
  /** Presents a result in the format the user chose and writes it. */
  readonly show: (result: R) => void;
}

/** What a command presents: its entry in the map of results (src/present/output-format.ts), nothing for a command whose output has one fixed form. */
export type ResultOf<N extends CommandName> = N extends ResultKind ? Results[N] : never;

/**
 * A command's formats, for a command that presents a result: it offers exactly
 * the formats that have a presenter for that result (the format table says
 * which), and names the default among them, so that naming one without a
 * presenter fails to compile. A command whose output has one fixed form has none.
 */
type FormatsSpec<N extends CommandName> = N extends ResultKind
  ? {
      readonly formats: {
        readonly default: FormatFor<N>;
        /** Other names `--format` accepts for one of its formats (validate's `text`, its older name for `table`). */
        readonly aliases?: Readonly<Record<string, FormatFor<N>>>;
      };
    }
  : { readonly formats?: never };

/** The declaration of one command: everything help, completion, tests and the program loop need. */
export type CommandSpec<N extends CommandName, Os extends readonly OptionSpec[], As extends readonly ArgSpec[]> = CommandFields<N, Os, As> & FormatsSpec<N>;

/** A command's declaration besides its formats. */
interface CommandFields<N extends CommandName, Os extends readonly OptionSpec[], As extends readonly ArgSpec[]> {
  /** Its name, which is also its key in the message catalogue's `commands` (its summary) and, when it presents a result, in the map of results. */
  readonly name: N;
  readonly hidden?: boolean;
  readonly args: As;
  readonly options: Os;
  readonly examples: readonly Example[];
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
  readonly batch?: BatchSpec<ResultOf<N>, Os>;
  readonly run: (ctx: Context, call: Call<ResultOf<N>, Os, As>) => Outcome | Promise<Outcome>;
}

/** A command as the program loop sees it: its declaration without its result type. */
export interface CommandDefinition {
  readonly name: CommandName;
  readonly hidden: boolean;
  readonly args: readonly ArgSpec[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly Example[];
  /** The formats offered (those with a presenter for its result), in the format table's order; empty when output has one fixed form. */
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
  readonly readsStdinFile: (args: RawArgs, catalogPath: string) => boolean;
  /**
   * Whether a call reads the catalogue in use: `--catalog` names it, and is refused by a call that reads none
   * (diff and completion, validate and fmt given files): 'files' when it reads the files it is given, 'no' when it reads none.
   */
  readonly readsCatalogInUse: (args: RawArgs) => 'yes' | 'files' | 'no';
  /** Runs a single call in a format (null when the command has no formats). */
  readonly execute: (ctx: Context, args: RawArgs, opts: RawOptions, format: Format | null) => Outcome | Promise<Outcome>;
  /** Runs the batch mode (the CLI has already refused what it cannot honour). */
  readonly executeBatch: ((ctx: Context, opts: RawOptions) => Outcome) | null;
}

/** The values of a call's file arguments. */
function fileArguments(spec: { readonly args: readonly ArgSpec[] }, args: RawArgs): string[] {
  return spec.args.flatMap((a, i) => {
    const value = a.kind === 'file' ? args[i] : undefined;
    return typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [];
  });
}

/** Declares a command; its result type (by its name, in the map of results) stays inside, checked against its batch mode and the format table. */
export function defineCommand<N extends CommandName, const Os extends readonly OptionSpec[], const As extends readonly ArgSpec[]>(
  spec: CommandSpec<N, Os, As>,
): CommandDefinition {
  if (spec.args.some((a) => a.required !== false && (a.required === 'unless-batch') !== (spec.batch !== undefined))) {
    throw new Error(`${spec.name}: an argument is required 'unless-batch' exactly when the command has a batch mode`);
  }
  const declared: { readonly default: Format; readonly aliases?: Readonly<Record<string, Format>> } | undefined = spec.formats;
  // A command that declares formats presents a result: its name is its kind of result (FormatsSpec).
  const kind = spec.name as ResultKind;
  const formats = declared === undefined ? [] : formatsFor(kind);
  const batch = spec.batch;
  return {
    name: spec.name,
    hidden: spec.hidden ?? false,
    args: spec.args,
    options: spec.options,
    examples: spec.examples,
    formats,
    formatAliases: declared?.aliases ?? {},
    defaultFormat: declared?.default ?? null,
    outputSchema: spec.outputSchema ?? null,
    batchLine: batch?.line ?? null,
    readsCatalogInUse: (args) => {
      const reads = spec.readsCatalog ?? (spec.fromCatalog === true ? 'always' : undefined);
      const files = fileArguments(spec, args);
      if (reads === 'always' || (reads === 'without-files' && files.length === 0)) return 'yes';
      return files.length > 0 || spec.args.some((a) => a.kind === 'file') ? 'files' : 'no';
    },
    readsStdinFile: (args, catalogPath) => {
      const files = fileArguments(spec, args);
      if (files.includes('-')) return true;
      const reads = spec.readsCatalog ?? (spec.fromCatalog === true ? 'always' : undefined);
      return catalogPath === '-' && (reads === 'always' || (reads === 'without-files' && files.length === 0));
    },
    execute: (ctx, args, opts, format) => {
      const show = (result: ResultOf<N>): void => {
        if (format === null || !formats.includes(format)) throw new Error(`${spec.name} has no presenter for ${String(format)}`);
        const o = ctx.presentOptions(format);
        const shown = present(format, kind, result, o, spec.fromCatalog === true ? o.source : null);
        ctx.emit(shown.text);
        for (const line of shown.remarks) ctx.warn(line);
      };
      // commander passes each argument as declared (ArgValues): a variadic one as a list, a choice among its choices.
      return spec.run(ctx, { args: args as ArgValues<As>, opts: optionValues(spec.options, opts), format, show });
    },
    executeBatch:
      batch === undefined
        ? null
        : (ctx, opts) => {
            const resolve = batch.prepare(ctx, optionValues(spec.options, opts));
            // Each line is the command's --json document, `source` included.
            const source = spec.fromCatalog === true ? sourceJson(ctx.catalogIndex().catalog.source) : null;
            const toJson = source === null ? batch.toJson : (r: ResultOf<N>): unknown => ({ ...(batch.toJson(r) as object), source });
            if (!isJsonCommand(spec.name)) throw new Error(`${spec.name} has a batch mode but no JSON documents`);
            const presenter = presentBatch(spec.name, resolve, toJson, ctx.m);
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
export const GLOBAL_OPTIONS = [
  { long: 'catalog', value: 'path', kind: 'file', description: (m) => m.options.catalog },
  { long: 'lang', value: 'lang', kind: { choices: ['fr', 'en'] }, description: (m) => m.options.lang },
  { long: 'stdin-filepath', value: 'path', kind: 'file', description: (m) => m.options.stdinFilepath },
  { long: 'color', description: (m) => m.options.color },
  { long: 'no-color', description: (m) => m.options.noColor },
  { long: 'debug', description: (m) => m.options.debug },
] as const satisfies readonly OptionSpec[];

/**
 * The options a command's declaration implies, worded for it: `--format` with
 * the formats it has presenters for (and their aliases), `--json`, `--batch`.
 */
function outputOptionsOf(command: CommandDefinition) {
  const aliases = Object.entries(command.formatAliases);
  const line = command.batchLine;
  return [
    {
      long: 'format',
      short: 'f',
      value: 'format',
      kind: { choices: [...command.formats, ...aliases.map(([alias]) => alias)] },
      description: (m) => m.options.format(command.defaultFormat ?? command.formats[0] ?? '', aliases),
    },
    { long: 'json', description: (m) => m.options.json },
    { long: 'batch', description: (m) => m.options.batch(line === null ? '' : line(m)) },
  ] as const satisfies readonly OptionSpec[];
}

/** What a run asked of its output: `--format` (as given, an alias not yet resolved), `--json`, `--batch` (false where not offered). */
export type OutputValues = OptionValues<ReturnType<typeof outputOptionsOf>>;

/** The output options of a run of `command`, from the options commander parsed. */
export function outputValues(command: CommandDefinition, raw: RawOptions): OutputValues {
  return optionValues(outputOptionsOf(command), raw);
}

/**
 * Every option of a command: its own, then those its declaration implies —
 * `--format` when it has formats, `--json` when it offers json, `--batch`
 * when it has a batch mode. Help, parsing and completion all read this one list.
 */
export function optionsOf(command: CommandDefinition): OptionSpec[] {
  const [format, json, batch] = outputOptionsOf(command);
  return [
    ...command.options,
    ...(command.formats.length > 0 ? [format] : []),
    ...(command.formats.includes('json') ? [json] : []),
    ...(command.batchLine !== null ? [batch] : []),
  ];
}
