import { Argument, Command, CommanderError, Option, type OutputConfiguration } from 'commander';
import type { Messages } from '../present/messages/messages';
import type { Lang } from '../present/options';
import { choicesOf, GLOBAL_OPTIONS, optionFlags, optionsOf, PROGRAM, type ArgSpec, type CommandDefinition, type OptionSpec } from './command';
import { COMMANDS, PROGRAM_EXAMPLES } from './commands';
import { decideLang } from './decide-color';
import { helpExamples, helpExitCodes, helpLayout } from './help-layout';
import { ParseState, ProgramCommand, UsageFailure } from './usage-failure';

/**
 * An option as commander takes it. A value outside its choices is kept, not
 * refused at once (see ProgramCommand): the first one is said once the
 * invoked command has read all its options.
 */
function toOption(spec: OptionSpec, m: Messages, state: ParseState): Option {
  const option = new Option(optionFlags(spec, m), spec.description(m));
  const choices = choicesOf(spec.kind);
  if (choices === undefined) return option;
  // choices() for help (describeChoices); our parser for the refusal, as data.
  return option.choices(choices).argParser((value: string | undefined) => {
    if (value !== undefined && !choices.includes(value)) state.refused ??= { kind: 'invalidChoice', value, of: { option: option.flags }, choices };
    return value;
  });
}

/** An argument's usage: `<name>` when commander requires it, `[name]` when not (and `...` when it takes the rest). */
function argumentUsage(spec: ArgSpec, m: Messages): string {
  const name = `${m.placeholders[spec.name]}${spec.variadic ? '...' : ''}`;
  return spec.required === true ? `<${name}>` : `[${name}]`;
}

/** An argument as commander takes it: one 'unless-batch' is optional to commander (the command checks it). */
function toArgument(spec: ArgSpec, m: Messages, cmd: Command): Argument {
  const argument = new Argument(argumentUsage(spec, m), spec.description(m));
  const choices = choicesOf(spec.kind);
  if (choices === undefined) return argument;
  return argument.choices(choices).argParser((value: string) => {
    if (!choices.includes(value)) throw new UsageFailure({ kind: 'invalidChoice', value, of: { argument: argument.name() }, choices }, cmd);
    return value;
  });
}

/**
 * The program as commander sees it, declared from the command registry in a
 * language (each of `commands`, with its arguments, options and examples):
 * `--help` shows it, and the manual (man page, README reference) is read
 * from it, so that they say the same. `output` is where help and errors go,
 * and the width help is fitted to; `version` is what `--version` prints,
 * made when it is asked for. The actions are the run's to add.
 */
export function declareProgram(
  m: Messages,
  commands: readonly CommandDefinition[],
  output: OutputConfiguration,
  version: () => string,
): { program: Command; declared: Map<CommandDefinition, Command> } {
  const helpWidth = (error: boolean): number => (error ? output.getErrHelpWidth : output.getOutHelpWidth)?.() ?? 80;
  const state = new ParseState();
  const program = new ProgramCommand(state);
  program
    .configureOutput(output)
    .name(PROGRAM)
    .description(m.program.description)
    .helpOption('-h, --help', m.program.help)
    .helpCommand(`help [${m.placeholders.command}]`, m.program.helpCommand)
    .usage(`[${m.placeholders.options}] [${m.placeholders.command}]`)
    .exitOverride()
    .configureHelp(helpLayout(m));
  for (const option of GLOBAL_OPTIONS) program.addOption(toOption(option, m, state));
  program.addOption(new Option('-V, --version', m.program.version));
  program.on('option:version', () => {
    // A value refused before it is said instead, as when commander stopped at it.
    if (state.refused !== undefined) return;
    output.writeOut?.(`${version()}\n`);
    throw new CommanderError(0, 'commander.version', '(version)');
  });
  program.addHelpText('after', (context) => `${helpExamples(PROGRAM_EXAMPLES, m, helpWidth)(context)}${helpExitCodes(m, helpWidth(context.error))}`);
  const declared = new Map<CommandDefinition, Command>();
  for (const command of commands) {
    // program.command() hands each command the program's output, exit and help settings.
    const cmd = program.command(command.name, { hidden: command.hidden }).description(m.commands[command.name]);
    cmd.usage([`[${m.placeholders.options}]`, ...command.args.map((a) => argumentUsage(a, m))].join(' '));
    for (const arg of command.args) cmd.addArgument(toArgument(arg, m, cmd));
    for (const option of optionsOf(command)) cmd.addOption(toOption(option, m, state));
    cmd.addHelpText(
      'after',
      helpExamples(
        command.examples.map((e) => e.line),
        m,
        helpWidth,
      ),
    );
    declared.set(command, cmd);
  }
  return { program, declared };
}

/** What a run must know before its program is declared. */
export interface EarlyOptions {
  readonly lang: Lang;
  readonly debug: boolean;
  /** The commands to declare: the one invoked (or named by `help`), else all of them. */
  readonly commands: readonly CommandDefinition[];
}

/**
 * What must be known before the program is declared, read by commander from
 * the program's own options, as the program will read them: the language
 * (commander words help and usage errors while it parses), --debug (for a
 * crash before the parse ends) and the command word (only the invoked
 * command is declared). A value refused here is refused, worded, by the parse.
 */
export function readEarlyOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): EarlyOptions {
  const early = new Command().exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
  for (const option of GLOBAL_OPTIONS) early.addOption(new Option(optionFlags(option)));
  early.addOption(new Option('-V, --version'));
  let operands: readonly string[] = [];
  try {
    operands = early.parseOptions([...argv]).operands;
  } catch {
    // a global option last without its value: the parse says so; every command is declared
  }
  const { lang, debug } = early.opts<{ lang?: string; debug?: boolean }>();
  const [word, target] = operands;
  const invoked = COMMANDS.find((c) => c.name === (word === 'help' ? target : word));
  return { lang: decideLang(lang, env), debug: debug === true, commands: invoked === undefined ? COMMANDS : [invoked] };
}
