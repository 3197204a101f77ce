import { Command, CommanderError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { decodeCatalogBytes, EMBEDDED_CATALOG_PATH, loadCatalog, readCatalogFile, type ReadResult } from '../catalog/load-catalog';
import { writeFileAtomically } from '../catalog/write-catalog';
import type { Tier } from '../catalog/model';
import { TIERS } from '../catalog/model';
import { FORMATS, makePalette, type Format, type Lang, type PresentOptions } from '../present/options';
import { canToJson, presentCan, presentServices, presentWho, servicesToJson, whoToJson } from '../present/present-access';
import { presentBatch } from '../present/present-batch';
import { presentHtml } from '../present/present-html';
import { presentList, presentMatrix, presentSearch, presentShow, type ListWhat } from '../present/present-catalog';
import { DIFF_FORMATS, presentDiff, type DiffFormat } from '../present/present-diff';
import { presentValidation, problemLine, VALIDATE_FORMATS, type FileReport, type ValidateFormat } from '../present/present-problems';
import { sanitizeLines, sanitizeText } from '../present/sanitize';
import { checkAccess, findServices, findWho } from '../query/access';
import { answerCanLine, answerServicesLine, answerWhoLine, splitLines } from '../query/answer-batch';
import { buildMatrix } from '../query/build-matrix';
import { diffCatalogs, diffNames, isEmptyDiff } from '../query/diff-catalogs';
import { indexCatalog, type CatalogIndex } from '../query/catalog-index';
import { primeNameKeys, resolveName, type EntityKind, type NameKey, type Resolution } from '../query/resolve-name';
import { searchCatalog } from '../query/search-catalog';
import { showEntity } from '../query/show-entity';
import { completeWords, completionScript, formatCandidates, SHELLS, type Shell } from './complete';
import { decideColor, decideLang } from './decide-color';
import { EXIT, exitCodeFor, type ExitCode, type Outcome } from './exit-code';
import { ClosedOutputError, writeAll } from './write-fd';

/** Everything the CLI touches outside itself, so that tests can run it in-process. */
export interface Io {
  readonly stdout: (text: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  /** Reads all of standard input (for `-` as a file name). */
  readonly readStdin: () => Uint8Array;
}

/** Where to report a bug. */
export const BUG_REPORT_URL = 'https://github.com/ramq-access/ramq-access/issues';

const PROGRAM = 'ramq-access';

// Modules that pull in YAML, ajv or jsdiff are loaded only by the commands that need them, to keep queries quick to start.
/* eslint-disable @typescript-eslint/no-require-imports */
const lazy = {
  validate: () => require('../catalog/validate-catalog') as typeof import('../catalog/validate-catalog'),
  format: () => require('../catalog/format-catalog') as typeof import('../catalog/format-catalog'),
  patch: () => require('../present/present-format') as typeof import('../present/present-format'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface GlobalOptions {
  catalog?: string;
  lang?: string;
  color?: boolean;
  debug?: boolean;
}

interface FormatOptions {
  format?: string;
  json?: boolean;
}

/** A failure the user can fix: one line on stderr and an outcome. */
class UserError extends Error {
  /** The message's lines, each printed on its own after being neutralised; a line can never be split by what it quotes. */
  readonly lines: readonly string[];
  constructor(
    message: string | readonly string[],
    readonly outcome: Outcome,
  ) {
    super(typeof message === 'string' ? message : message.join('\n'));
    this.lines = typeof message === 'string' ? [message] : message;
  }
}

function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(__dirname, '..', '..', 'package.json')) as { version: string }).version;
}

function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option('-f, --format <format>', 'output format').choices(choices).default(fallback);
}

/** Runs the CLI on an argument vector; returns the exit code and never throws. */
export function run(argv: readonly string[], io: Io): ExitCode {
  let outcome: Outcome = { kind: 'answered' };
  const program = new Command();
  let debug = Boolean(io.env['DEBUG']);

  const context = (cmd: Command): { g: GlobalOptions; lang: Lang } => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    if (g.debug) debug = true;
    return { g, lang: decideLang(g.lang, io.env) };
  };

  const presentOptions = (g: GlobalOptions, lang: Lang, format: string): PresentOptions => {
    // Only text for people depends on the terminal; JSON and CSV never ask about it.
    if (format !== 'table' && format !== 'text') return { lang, palette: makePalette(false), width: 80 };
    const colored = decideColor({ flag: g.color, env: io.env, isTTY: io.isTTY });
    const columns = io.isTTY ? io.columns : undefined;
    const width = columns !== undefined && columns >= 40 ? Math.min(columns, 160) : 80;
    return { lang, palette: makePalette(colored), width };
  };

  const catalogPath = (g: GlobalOptions): string => g.catalog ?? (io.env['RAMQ_ACCESS_CATALOG'] || undefined) ?? EMBEDDED_CATALOG_PATH;

  const withIndex = (g: GlobalOptions): CatalogIndex => {
    const file = catalogPath(g);
    const result = loadCatalog(file);
    if (!result.ok) {
      const palette = makePalette(false);
      const lines = result.problems.map((p) => problemLine(p, palette));
      throw new UserError([`cannot use the catalogue ${file}:`, ...lines], { kind: 'catalog-error' });
    }
    const index = indexCatalog(result.catalog);
    if (result.names) primeNameKeys(index, result.names as readonly NameKey[]);
    return index;
  };

  const resolveOrFail = (index: CatalogIndex, input: string, kinds: readonly EntityKind[], what: string): Resolution & { ok: true } => {
    const r = resolveName(index, input, kinds);
    if (r.ok) return r;
    const list = r.suggestions.map((s) => `${s.id} (${s.name})`).join(', ');
    const message =
      r.reason === 'ambiguous'
        ? `"${input}" is ambiguous; it could mean: ${list}`
        : `unknown ${what} "${input}"${list === '' ? '' : `; did you mean: ${list}`}`;
    throw new UserError(message, { kind: 'name-error' });
  };

  const outputFormat = (opts: FormatOptions): Format => (opts.json ? 'json' : ((opts.format as Format | undefined) ?? 'table'));

  const categoryFilter = (index: CatalogIndex, input: string | undefined): string | undefined =>
    input === undefined ? undefined : resolveOrFail(index, input, ['category'], 'category').found.entity.id;

  const requireArgument = (words: readonly string[], name: string): void => {
    if (words.length === 0) throw new UserError(`missing required argument '${name}'`, { kind: 'usage-error' });
  };

  const batchLines = (words: readonly string[]): string[] => {
    if (words.length > 0) throw new UserError('with --batch, the questions come from standard input, not from arguments', { kind: 'usage-error' });
    return splitLines(new TextDecoder('utf-8').decode(io.readStdin()));
  };

  const emit = (text: string | Uint8Array): void => {
    if (text.length > 0) io.stdout(text);
  };

  program
    .name(PROGRAM)
    .description('Who may use which RAMQ online service: answers from a checked catalogue of the RAMQ page "Liste des services en ligne".')
    .version(packageVersion(), '-V, --version')
    .option('--catalog <path>', 'catalogue file to use (default: $RAMQ_ACCESS_CATALOG, else the embedded catalog.yaml)')
    .addOption(new Option('--lang <lang>', 'language of the output (default: from the locale, French otherwise)').choices(['fr', 'en']))
    .option('--color', 'color the output even when it is not a terminal')
    .option('--no-color', 'never color the output (NO_COLOR is honoured too)')
    .option('--debug', 'show the stack of an internal error')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`${sanitizeLines(s.trimEnd())}\n`),
    });

  const tierOption = (): Option => new Option('--tier <tier>', 'only grants of this tier').choices([...TIERS]);

  program
    .command('validate')
    .description('check catalogue files against the schema and the semantic rules (default: the embedded catalogue)')
    .argument('[files...]', 'catalogue files')
    .addOption(formatOption(VALIDATE_FORMATS, 'text'))
    .option('--json', 'shorthand for --format json')
    .action((files: string[], opts: FormatOptions, cmd: Command) => {
      const { g, lang } = context(cmd);
      const format = (opts.json ? 'json' : (opts.format ?? 'text')) as ValidateFormat;
      const targets = files.length > 0 ? files : [catalogPath(g)];
      let unreadable = 0;
      const reports: FileReport[] = targets.map((file) => {
        const result = loadCatalog(file);
        if (!result.ok && result.problems.some((p) => p.code === 'FILE_UNREADABLE')) unreadable++;
        return { file, problems: result.ok ? [] : result.problems };
      });
      const o = presentOptions(g, lang, format);
      emit(presentValidation[format](reports, o.palette, lang, { cwd: process.cwd(), toolVersion: packageVersion() }));
      outcome = { kind: 'validated', problems: reports.reduce((n, r) => n + r.problems.length, 0), unreadable };
    });

  program
    .command('services')
    .description('every service a clientele may use, by tier, with conditions and inherited grants')
    .argument('[clientele...]', 'a clientele, as you would name it (podiatre, podiatrist, IPS, ...)')
    .addOption(tierOption())
    .option('--category <category>', 'only services of this category')
    .option('--own', "only the clientele's own grants, not those inherited from a parent (what an IPSPL gets that an IPS does not)")
    .option('--batch', 'read one clientele per line from stdin; write one JSON line per answer (NDJSON)')
    .addOption(formatOption(FORMATS, 'table'))
    .option('--json', 'shorthand for --format json')
    .action((words: string[], opts: FormatOptions & { tier?: Tier; category?: string; own?: boolean; batch?: boolean }, cmd: Command) => {
      const { g, lang } = context(cmd);
      if (opts.batch) {
        const index = withIndex(g);
        const output = presentBatch(batchLines(words), (text, line) => answerServicesLine(index, text, line, opts.tier), servicesToJson);
        for (const chunk of output.chunks) emit(chunk);
        outcome = { kind: 'batch', errors: output.errors() };
        return;
      }
      requireArgument(words, 'clientele');
      const index = withIndex(g);
      const found = resolveOrFail(index, words.join(' '), ['clientele'], 'clientele').found;
      if (found.kind !== 'clientele') throw new Error('resolver returned a non-clientele');
      const result = findServices(index, found.entity, { tier: opts.tier, category: categoryFilter(index, opts.category), own: opts.own });
      const format = outputFormat(opts);
      emit(presentServices[format](result, presentOptions(g, lang, format)));
    });

  program
    .command('who')
    .description('every clientele the catalogue names for a service, by tier, with conditions')
    .argument('[service...]', 'a service, by name, abbreviation or id (SELAT, FacturActe, ...)')
    .addOption(tierOption())
    .option('--expand', 'also list the clienteles that inherit a grant from a parent clientele')
    .option('--batch', 'read one service per line from stdin; write one JSON line per answer (NDJSON)')
    .addOption(formatOption(FORMATS, 'table'))
    .option('--json', 'shorthand for --format json')
    .action((words: string[], opts: FormatOptions & { tier?: Tier; expand?: boolean; batch?: boolean }, cmd: Command) => {
      const { g, lang } = context(cmd);
      if (opts.batch) {
        const index = withIndex(g);
        const output = presentBatch(batchLines(words), (text, line) => answerWhoLine(index, text, line, opts.tier, opts.expand ?? false), whoToJson);
        for (const chunk of output.chunks) emit(chunk);
        outcome = { kind: 'batch', errors: output.errors() };
        return;
      }
      requireArgument(words, 'service');
      const index = withIndex(g);
      const found = resolveOrFail(index, words.join(' '), ['service'], 'service').found;
      if (found.kind !== 'service') throw new Error('resolver returned a non-service');
      const result = findWho(index, found.entity, { tier: opts.tier, expand: opts.expand ?? false });
      const format = outputFormat(opts);
      emit(presentWho[format](result, presentOptions(g, lang, format)));
    });

  program
    .command('can')
    .description('whether a clientele may use a service (exit 0 yes, 1 no)')
    .argument('[clientele]', 'a clientele (quote names of several words)')
    .argument('[service]', 'a service')
    .addOption(tierOption())
    .option('--batch', 'read "clientele<TAB>service" lines from stdin; write one JSON line per answer (NDJSON)')
    .addOption(formatOption(FORMATS, 'table'))
    .option('--json', 'shorthand for --format json')
    .action((clienteleName: string | undefined, serviceName: string | undefined, opts: FormatOptions & { tier?: Tier; batch?: boolean }, cmd: Command) => {
      const { g, lang } = context(cmd);
      if (opts.batch) {
        if (clienteleName !== undefined)
          throw new UserError('with --batch, the questions come from standard input, not from arguments', { kind: 'usage-error' });
        const index = withIndex(g);
        const output = presentBatch(batchLines([]), (text, line) => answerCanLine(index, text, line, opts.tier), canToJson);
        for (const chunk of output.chunks) emit(chunk);
        outcome = { kind: 'batch', errors: output.errors() };
        return;
      }
      if (clienteleName === undefined) requireArgument([], 'clientele');
      if (serviceName === undefined) requireArgument([], 'service');
      if (clienteleName === undefined || serviceName === undefined) return;
      const index = withIndex(g);
      const c = resolveOrFail(index, clienteleName, ['clientele'], 'clientele').found;
      const s = resolveOrFail(index, serviceName, ['service'], 'service').found;
      if (c.kind !== 'clientele' || s.kind !== 'service') throw new Error('resolver returned the wrong kind');
      const result = checkAccess(index, c.entity, s.entity, opts.tier);
      const format = outputFormat(opts);
      emit(presentCan[format](result, presentOptions(g, lang, format)));
      outcome = { kind: 'can', eligible: result.eligible };
    });

  program
    .command('show')
    .description('everything about one service, clientele or category')
    .argument('<name...>', 'a name, abbreviation or id')
    .addOption(formatOption(FORMATS, 'table'))
    .option('--json', 'shorthand for --format json')
    .action((words: string[], opts: FormatOptions, cmd: Command) => {
      const { g, lang } = context(cmd);
      const index = withIndex(g);
      const found = resolveOrFail(index, words.join(' '), ['service', 'clientele', 'category'], 'name').found;
      const format = outputFormat(opts);
      emit(presentShow[format](showEntity(index, found), presentOptions(g, lang, format)));
    });

  program
    .command('list')
    .description('list the services, clienteles or categories')
    .addArgument(new Command().createArgument('<what>', 'services, clienteles or categories').choices(['services', 'clienteles', 'categories']))
    .addOption(formatOption(FORMATS, 'table'))
    .option('--json', 'shorthand for --format json')
    .action((what: ListWhat, opts: FormatOptions, cmd: Command) => {
      const { g, lang } = context(cmd);
      const index = withIndex(g);
      const format = outputFormat(opts);
      emit(presentList[format]({ catalog: index.catalog, what }, presentOptions(g, lang, format)));
    });

  program
    .command('search')
    .description('search names, aliases, descriptions and notes (accents and case ignored)')
    .argument('<words...>', 'words to look for')
    .addOption(formatOption(FORMATS, 'table'))
    .option('--json', 'shorthand for --format json')
    .action((words: string[], opts: FormatOptions, cmd: Command) => {
      const { g, lang } = context(cmd);
      const index = withIndex(g);
      const format = outputFormat(opts);
      emit(presentSearch[format](searchCatalog(index, words.join(' ')), presentOptions(g, lang, format)));
    });

  program
    .command('matrix')
    .description('clienteles against services, one letter per tier')
    .option('--category <category>', 'only services of this category')
    .addOption(formatOption(FORMATS, 'table'))
    .option('--json', 'shorthand for --format json')
    .action((opts: FormatOptions & { category?: string }, cmd: Command) => {
      const { g, lang } = context(cmd);
      const index = withIndex(g);
      const format = outputFormat(opts);
      emit(presentMatrix[format](buildMatrix(index, categoryFilter(index, opts.category)), presentOptions(g, lang, format)));
    });

  let stdinUsed = false;
  const readInput = (file: string): ReadResult => {
    if (file !== '-') return readCatalogFile(file);
    if (stdinUsed) throw new UserError('standard input ("-") can be read only once', { kind: 'usage-error' });
    stdinUsed = true;
    let bytes: Uint8Array;
    try {
      bytes = io.readStdin();
    } catch (error) {
      return {
        ok: false,
        problem: {
          code: 'FILE_UNREADABLE',
          file: '<stdin>',
          line: null,
          col: null,
          message: `cannot read standard input (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        },
      };
    }
    return decodeCatalogBytes(bytes, '<stdin>');
  };

  program
    .command('diff')
    .description('what changed in meaning between two catalogues: entries, grants, conditions, and who gains or loses what (exit 1 when something did)')
    .argument('<old>', 'the catalogue before ("-" for standard input)')
    .argument('<new>', 'the catalogue after ("-" for standard input)')
    .addOption(formatOption(DIFF_FORMATS, 'table'))
    .option('--json', 'shorthand for --format json')
    .action((oldFile: string, newFile: string, opts: FormatOptions, cmd: Command) => {
      const { g, lang } = context(cmd);
      const sides = [oldFile, newFile].map((file) => {
        const read = readInput(file);
        if (!read.ok) return { file, problems: [read.problem], catalog: null };
        const result = lazy.validate().validateCatalogText(read.text, file === '-' ? '<stdin>' : file);
        const shown = file === '-' ? '<stdin>' : file;
        return result.ok ? { file: shown, problems: [], catalog: result.catalog } : { file: shown, problems: result.problems, catalog: null };
      });
      const [before, after] = sides;
      if (!before || !after) throw new Error('diff needs two sides');
      if (before.catalog === null || after.catalog === null) {
        const problems = sides.flatMap((side) => side.problems);
        const unreadable = problems.some((p) => p.code === 'FILE_UNREADABLE');
        const palette = makePalette(false);
        throw new UserError(
          ['cannot compare:', ...problems.map((p) => problemLine(p, palette))],
          unreadable ? { kind: 'usage-error' } : { kind: 'catalog-error' },
        );
      }
      const diff = diffCatalogs(before.catalog, after.catalog);
      const format = (opts.json ? 'json' : (opts.format ?? 'table')) as DiffFormat;
      const o = presentOptions(g, lang, format);
      emit(presentDiff[format]({ diff, before: before.file, after: after.file, names: diffNames(before.catalog, after.catalog) }, o.palette, lang));
      outcome = { kind: 'diffed', changed: !isEmptyDiff(diff) };
    });

  program
    .command('fmt')
    .description(
      'rewrite catalogue files in canonical form, in place and atomically (default: the catalogue in use; "-" formats standard input to standard output)',
    )
    .argument('[files...]', 'catalogue files')
    .option('--check', 'write nothing; print a unified diff and exit 1 when a file is not in canonical form')
    .action((files: string[], opts: { check?: boolean }, cmd: Command) => {
      const { g } = context(cmd);
      const palette = makePalette(false);
      const targets = files.length > 0 ? files : [catalogPath(g)];
      let invalid = 0;
      let failed = 0;
      let unformatted = 0;
      for (const file of targets) {
        const read = readInput(file);
        if (!read.ok) {
          io.stderr(`${problemLine(read.problem, palette)}\n`);
          failed++;
          continue;
        }
        const name = file === '-' ? '<stdin>' : file;
        const result = lazy.format().formatCatalogText(read.text, name);
        if (!result.ok) {
          for (const p of result.problems) io.stderr(`${problemLine(p, palette)}\n`);
          io.stderr(`${PROGRAM}: ${sanitizeText(name)} left untouched: it is not a valid catalogue\n`);
          invalid++;
          continue;
        }
        if (file === '-') {
          if (opts.check) {
            if (result.changed) {
              emit(lazy.patch().formatPatch(name, read.text, result.text));
              unformatted++;
            }
          } else {
            emit(result.text);
          }
          continue;
        }
        if (!result.changed) continue;
        if (opts.check) {
          emit(lazy.patch().formatPatch(file, read.text, result.text));
          io.stderr(`${PROGRAM}: ${sanitizeText(file)} is not in canonical form\n`);
          unformatted++;
          continue;
        }
        const written = writeFileAtomically(file, result.text);
        if (written.ok) io.stderr(`${PROGRAM}: formatted ${sanitizeText(file)}\n`);
        else {
          io.stderr(`${PROGRAM}: ${sanitizeText(written.message)}\n`);
          failed++;
        }
      }
      outcome = { kind: 'formatted', invalid, failed, unformatted };
    });

  program
    .command('export')
    .description('write the whole catalogue as one self-contained HTML page (matrix, filters, search, details) or as JSON')
    .addOption(formatOption(['html', 'json'], 'html'))
    .action((opts: { format: 'html' | 'json' }, cmd: Command) => {
      const { g, lang } = context(cmd);
      const index = withIndex(g);
      if (opts.format === 'json') {
        emit(`${JSON.stringify({ version: 1, catalog: index.catalog }, null, 2)}\n`);
        return;
      }
      const who = index.catalog.services.map((s) => findWho(index, s, { expand: true }));
      emit(presentHtml({ catalog: index.catalog, who, generated: new Date().toISOString().slice(0, 10), version: packageVersion() }, lang));
    });

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish) that completes commands, options, their values and catalogue names')
    .addArgument(new Command().createArgument('<shell>', 'bash, zsh or fish').choices([...SHELLS]))
    .action((shell: Shell) => {
      emit(completionScript(shell, PROGRAM));
    });

  program
    .command('__complete', { hidden: true })
    .description('print completion candidates for the words after "--" (used by the completion scripts)')
    .addOption(new Option('--shell <shell>').choices([...SHELLS]).default('bash'))
    .argument('[words...]')
    .action((words: string[], opts: { shell: Shell }, cmd: Command) => {
      const { g } = context(cmd);
      const loadIndex = (catalog: string | undefined): CatalogIndex | null => {
        try {
          return withIndex({ ...g, ...(catalog === undefined ? {} : { catalog }) });
        } catch {
          return null;
        }
      };
      const typed = words[words.length - 1] ?? '';
      emit(formatCandidates(opts.shell, completeWords(program, words.length === 0 ? [''] : words, loadIndex), typed));
    });

  const EXAMPLES: Record<string, readonly string[]> = {
    validate: ['validate', 'validate catalog.yaml --format github', 'validate a.yaml b.yaml --json'],
    services: ['services podiatrist', 'services "infirmière praticienne spécialisée" --tier creation', 'services IPSPL --own --json'],
    who: ['who SELAT --tier request', 'who messagerie-securisee --expand', 'who PME --json'],
    can: [
      'can "hygiéniste dentaire" facturacte',
      'can audioprothésiste "messagerie sécurisée" --tier creation',
      "printf 'podiatre\\tSELAT\\n' | ramq-access can --batch",
    ],
    show: ['show SELAT', 'show IPS --lang en', 'show identification-medecin-famille --json'],
    list: ['list services', 'list clienteles --format csv', 'list categories --json'],
    search: ['search délégation', 'search medicaments exception', 'search developer --lang en'],
    matrix: ['matrix', 'matrix --category medicaments', 'matrix --format csv > matrix.csv'],
    diff: ['diff old.yaml catalog.yaml', 'git show origin/main:catalog.yaml | ramq-access diff - catalog.yaml', 'diff old.yaml new.yaml --format markdown'],
    fmt: ['fmt --check catalog.yaml', 'fmt catalog.yaml', 'fmt - < messy.yaml > catalog.yaml'],
    completion: [
      'completion bash > ~/.local/share/bash-completion/completions/ramq-access',
      'source <(ramq-access completion zsh)',
      'completion fish > ~/.config/fish/completions/ramq-access.fish',
    ],
    export: ['export --format html > acces.html', 'export --format html --lang en > access.html'],
  };
  for (const cmd of program.commands) {
    const examples = EXAMPLES[cmd.name()];
    if (examples)
      cmd.addHelpText(
        'after',
        `\nExamples:\n${examples.map((e) => `  $ ${e.startsWith('git ') || e.startsWith('printf ') ? e : `${PROGRAM} ${e}`}`).join('\n')}\n`,
      );
  }
  program.addHelpText(
    'after',
    `\nExamples:\n  $ ${PROGRAM} services podiatrist\n  $ ${PROGRAM} who SELAT --tier request\n  $ ${PROGRAM} can "hygiéniste dentaire" facturacte\n`,
  );

  for (const cmd of program.commands) {
    cmd.exitOverride();
    cmd.showSuggestionAfterError(true);
    cmd.configureOutput(program.configureOutput());
  }

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    outcome = handleError(error, io, debug);
  }
  return exitCodeFor(outcome);
}

function handleError(error: unknown, io: Pick<Io, 'stderr'>, debug: boolean): Outcome {
  // The reader of our output went away (`| head`): stop quietly, it is not a failure.
  if (error instanceof ClosedOutputError) return { kind: 'answered' };
  if (error instanceof UserError) {
    io.stderr(`${PROGRAM}: ${error.lines.map((l) => sanitizeText(l)).join('\n')}\n`);
    return error.outcome;
  }
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return { kind: 'answered' };
    return { kind: 'usage-error' };
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `${PROGRAM}: internal error (this is a bug): ${sanitizeText(message)}; please report it at ${BUG_REPORT_URL}${debug ? '' : ' (run with --debug for details)'}\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return { kind: 'internal-error' };
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** The process entry point: runs on the real file descriptors and sets the exit code without cutting piped output. */
export function main(argv: readonly string[]): void {
  const debug = argv.includes('--debug') || Boolean(process.env['DEBUG']);
  const crash = (error: unknown): void => {
    if (error instanceof ClosedOutputError) {
      // The reader went away (`| head`): nothing more to say, and not a failure.
      process.exitCode = EXIT.ok;
      return;
    }
    handleError(error, { stderr: (text) => writeAll(2, text) }, debug);
    process.exitCode = EXIT.internal;
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  let tty: boolean | undefined;
  // A terminal is a character device: a pipe or a file is settled by one fstat, without loading the tty module (and net with it).
  const isTTY = (): boolean => (tty ??= isCharacterDevice(1) && (require('node:tty') as typeof import('node:tty')).isatty(1)); // eslint-disable-line @typescript-eslint/no-require-imports
  try {
    process.exitCode = run(argv, {
      stdout: (text) => writeAll(1, text),
      stderr: (text) => writeAll(2, text),
      env: process.env,
      // Asked only by output that needs them (tables), so that JSON answers never load the terminal modules.
      get isTTY() {
        return isTTY();
      },
      get columns() {
        return isTTY() ? process.stdout.columns : undefined;
      },
      readStdin: () => fs.readFileSync(0),
    });
  } catch (error) {
    crash(error);
  }
}
