import type { Command, Help, Option } from 'commander';
import { EMBEDDED_CATALOG_PATH, loadCatalog } from '../catalog/load-catalog';
import { messagesFor, type ExitCodeNumber } from '../present/messages/messages';
import type { Lang } from '../present/options';
import { PROGRAM, shownExample } from './command';
import { COMMANDS, PROGRAM_EXAMPLES } from './commands';
import { EXIT } from './exit-code';
import { declareProgram } from './program';
import { fitCommandLine } from './terminal-width';

/** A term and what it means: an argument, an option, a command. */
export interface ManualEntry {
  readonly term: string;
  readonly description: string;
}

/** One command as the manual shows it: what `COMMAND --help` shows. */
export interface ManualCommand {
  readonly name: string;
  /** `ramq-access services [options] [clientele...]`. */
  readonly usage: string;
  readonly summary: string;
  readonly args: readonly ManualEntry[];
  /** Its own options (the help option last). */
  readonly options: readonly ManualEntry[];
  /** Its examples, as shown (each a whole command line). */
  readonly examples: readonly string[];
}

/** The whole manual in one language: what `--help` and every `COMMAND --help` show, read from the same declaration. */
export interface Manual {
  readonly usage: string;
  readonly description: string;
  /** The options every command takes (the version and help options included). */
  readonly globalOptions: readonly ManualEntry[];
  readonly commands: readonly ManualCommand[];
  /** `help [command]`. */
  readonly helpCommand: ManualEntry;
  readonly examples: readonly string[];
  readonly exitCodes: readonly { readonly code: ExitCodeNumber; readonly meaning: string }[];
}

/**
 * The manual of the CLI in a language, read from the very commander program
 * `--help` shows (declareProgram), so that the man page, the README's
 * reference and `--help` cannot say different things.
 */
export function readManual(lang: Lang): Manual {
  const m = messagesFor(lang);
  const visible = COMMANDS.filter((c) => !c.hidden);
  const { program, declared } = declareProgram(m, visible, { getOutHelpWidth: () => Infinity, getErrHelpWidth: () => Infinity }, () => '');
  const help = program.createHelp();
  const entries = (options: readonly Option[]): ManualEntry[] => options.map((o) => ({ term: help.optionTerm(o), description: help.optionDescription(o) }));
  const usageOf = (cmd: Command): string => [...commandPath(cmd), cmd.usage()].join(' ');
  const helpCommand = help.visibleCommands(program).find((c) => c.name() === 'help');
  return {
    usage: usageOf(program),
    description: program.description(),
    globalOptions: entries(help.visibleOptions(program)),
    commands: [...declared].map(([command, cmd]) => {
      const own: Help = cmd.createHelp();
      return {
        name: command.name,
        usage: usageOf(cmd),
        summary: cmd.description(),
        args: own.visibleArguments(cmd).map((a) => ({ term: own.argumentTerm(a), description: own.argumentDescription(a) })),
        options: own.visibleOptions(cmd).map((o) => ({ term: own.optionTerm(o), description: own.optionDescription(o) })),
        examples: command.examples.map((e) => shownExample(e.line)),
      };
    }),
    helpCommand: { term: helpCommand === undefined ? 'help' : help.subcommandTerm(helpCommand), description: m.program.helpCommand },
    examples: PROGRAM_EXAMPLES.map(shownExample),
    exitCodes: Object.values(EXIT).map((code) => ({ code, meaning: m.exitCodes[code] })),
  };
}

function commandPath(cmd: Command): string[] {
  return cmd.parent === null ? [cmd.name()] : [...commandPath(cmd.parent), cmd.name()];
}

/** What the man page says besides the registry: the environment, the files, where to read more (English: a man page is one language). */
interface ManFacts {
  readonly version: string;
  /** The page the embedded catalogue transcribes. */
  readonly sourceUrl: string | null;
}

/** The facts of the man page from the package: its version and the embedded catalogue's source. */
export function manFacts(version: string): ManFacts {
  const loaded = loadCatalog(EMBEDDED_CATALOG_PATH);
  return { version, sourceUrl: loaded.ok ? loaded.catalog.source.url : null };
}

/** Text as roff reads it: a backslash, a hyphen, quotes and every character past ASCII escaped, a leading control character neutralised. */
export function roffText(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/'/g, '\\(aq')
    .replace(/`/g, '\\(ga')
    .replace(/\^/g, '\\(ha')
    .replace(/~/g, '\\(ti')
    .replace(/[^\x20-\x7e]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
  return /^[.']/.test(escaped) ? `\\&${escaped}` : escaped;
}

/** A usage or option term: the command and flags in bold, what the user supplies (`<tier>`, `[clientele...]`) in italics. */
function roffTerm(term: string): string {
  return term
    .split(' ')
    .map((word) => {
      const bracketed = /^([[<])(.*?)([\]>])(,?)$/.exec(word);
      if (bracketed) return `${roffText(bracketed[1]!)}\\fI${roffText(bracketed[2]!)}\\fR${roffText(bracketed[3]! + bracketed[4]!)}`;
      return `\\fB${roffText(word.replace(/,$/, ''))}\\fR${word.endsWith(',') ? ',' : ''}`;
    })
    .join(' ');
}

/** Examples as a man page shows them, indented by 4: each command line fitted to `width` (broken between words with ` \`). */
function roffExamples(lines: readonly string[], width: number): string[] {
  return ['.RS 4', '.EX', ...lines.flatMap((line) => fitCommandLine('', line, width).map(roffText)), '.EE', '.RE'];
}

// The widest example line on an 80-column terminal: less man's margin (7), a command's body (7 more) and the examples' indent (4).
const COMMAND_EXAMPLE_WIDTH = 80 - 7 - 7 - 4;
const PROGRAM_EXAMPLE_WIDTH = 80 - 7 - 4;

const ENVIRONMENT: readonly ManualEntry[] = [
  { term: 'RAMQ_ACCESS_CATALOG', description: 'The catalogue file to use when --catalog is not given (else the catalog.yaml shipped in the package).' },
  {
    term: 'LC_ALL, LC_MESSAGES, LANG, LANGUAGE',
    description:
      'The language, when --lang is not given: the first of them that is set and not empty, English when it is an English locale (en, en_CA.UTF-8, ...), French otherwise.',
  },
  { term: 'NO_COLOR', description: 'Set to any non-empty value: no color (unless --color).' },
  {
    term: 'FORCE_COLOR',
    description: 'When set: 0 or false turns color off; any other value (1, 2, 3, true, empty) turns it on, even when output is not a terminal.',
  },
  { term: 'CLICOLOR_FORCE', description: 'Set to a value other than 0: color, even when output is not a terminal.' },
  { term: 'CLICOLOR', description: 'Set to 0: no color.' },
  { term: 'TERM', description: 'dumb: no color.' },
  { term: 'DEBUG', description: 'Set to a non-empty value: an internal error shows its stack, as --debug does.' },
  {
    term: 'SOURCE_DATE_EPOCH',
    description: 'The day check-source --write records as source.checked (whole seconds since 1970; else today).',
  },
];

const COLOR_RULES =
  'Color is decided by the first rule that applies: --color or --no-color; NO_COLOR; FORCE_COLOR; CLICOLOR_FORCE; CLICOLOR=0; TERM=dumb; else color when standard output is a terminal.';

/** The man page, ramq-access(1), in roff: from the manual (English) and the package's facts. */
export function manPage(manual: Manual, facts: ManFacts): string {
  const lines: string[] = [
    '.\\" Generated by scripts/make-docs.js from the command registry (src/cli/commands/) and the English messages: do not edit.',
    `.TH ${roffText(PROGRAM.toUpperCase())} 1 "" "${roffText(`${PROGRAM} ${facts.version}`)}" "User Commands"`,
    // No hyphenation (the man macros turn it back on at each paragraph unless HY is 0): ids, options and names are copied from the page as they are.
    '.nr HY 0',
    '.nh',
    '.SH NAME',
    `${roffText(PROGRAM)} \\- ${roffText('who may use which RAMQ online service, from a checked catalogue')}`,
    '.SH SYNOPSIS',
    roffTerm(manual.usage),
    ...manual.commands.flatMap((c) => ['.br', roffTerm(c.usage)]),
    '.SH DESCRIPTION',
    roffText(manual.description),
    '.PP',
    roffText(
      'It answers at the terminal, in French or in English (every line in one language), or as data for scripts: --format json, csv or markdown for the questions, and --json as a shorthand for --format json. With --json, standard output holds exactly one JSON document; every message goes to standard error.',
    ),
    '.PP',
    roffText(
      'Names of services and clienteles are found by id, official French name, English name, abbreviation and the words people use, without regard to case or accents; an unknown name gets suggestions.',
    ),
    '.SH COMMANDS',
  ];
  for (const c of manual.commands) {
    lines.push('.TP', roffTerm(c.usage), roffText(c.summary), '.RS');
    for (const a of c.args) lines.push('.TP', `\\fI${roffText(a.term)}\\fR`, roffText(a.description));
    for (const o of c.options) lines.push('.TP', roffTerm(o.term), roffText(o.description));
    if (c.examples.length > 0) lines.push('.PP', roffText('Examples:'), ...roffExamples(c.examples, COMMAND_EXAMPLE_WIDTH));
    lines.push('.RE');
  }
  lines.push('.TP', roffTerm(`${PROGRAM} ${manual.helpCommand.term}`), roffText(manual.helpCommand.description));
  lines.push('.SH OPTIONS', roffText('Options every command takes:'));
  for (const o of manual.globalOptions) lines.push('.TP', roffTerm(o.term), roffText(o.description));
  lines.push('.SH EXAMPLES', ...roffExamples(manual.examples, PROGRAM_EXAMPLE_WIDTH));
  lines.push('.SH EXIT STATUS');
  for (const e of manual.exitCodes) lines.push('.TP', `.B ${e.code}`, roffText(e.meaning));
  lines.push('.SH ENVIRONMENT');
  for (const e of ENVIRONMENT) lines.push('.TP', `\\fB${roffText(e.term)}\\fR`, roffText(e.description));
  lines.push('.PP', roffText(COLOR_RULES));
  lines.push(
    '.SH FILES',
    '.TP',
    `\\fB${roffText('catalog.yaml')}\\fR`,
    roffText("The catalogue shipped in the package's directory: the default catalogue."),
    '.TP',
    `\\fB${roffText('schema/catalog.schema.json')}\\fR`,
    roffText('The JSON Schema of a catalogue (draft 2020-12), in the package directory.'),
    '.TP',
    `\\fB${roffText('schema/output.schema.json')}\\fR`,
    roffText('The JSON Schema of every --json output, in the package directory.'),
    '.SH SEE ALSO',
    roffText("The package's README.md, for the catalogue, the JSON output contract and check-source in full."),
  );
  if (facts.sourceUrl !== null) lines.push('.PP', roffText('The page the catalogue transcribes:'), '.br', roffText(facts.sourceUrl));
  return `${lines.join('\n')}\n`;
}

/** The start and end markers of the README's generated reference. */
export const README_MARKERS = {
  start: '<!-- commands: generated by scripts/make-docs.js from the command registry, as --help shows them; do not edit by hand -->',
  end: '<!-- end of the generated commands -->',
} as const;

/** The README's reference of every command: its usage, summary, options and examples, as `--help` shows them (English). */
export function readmeReference(manual: Manual): string {
  const lines: string[] = [];
  for (const c of manual.commands) {
    lines.push(
      c.usage,
      `    ${c.summary}`,
      ...(c.options.length > 1
        ? [
            `    options: ${c.options
              .filter((o) => !o.term.includes('--help'))
              .map((o) => o.term)
              .join('  ')}`,
          ]
        : []),
      ...c.examples.map((e) => `    $ ${e}`),
      '',
    );
  }
  lines.push(`${PROGRAM} ${manual.helpCommand.term}`, `    ${manual.helpCommand.description}`);
  return [README_MARKERS.start, '```text', ...lines, '```', README_MARKERS.end].join('\n');
}

/** README.md with its generated reference replaced by `reference`; null when the markers are missing. */
export function withReadmeReference(readme: string, reference: string): string | null {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start === -1 || end === -1 || end < start) return null;
  return `${readme.slice(0, start)}${reference}${readme.slice(end + README_MARKERS.end.length)}`;
}
