import { Command, CommanderError, type HelpContext, type Option, type ParseOptionsResult } from 'commander';
import { boundedDistance } from '../catalog/similarity';
import type { UsageProblem } from '../present/usage-problem';

/** A usage error commander found, as data, with the command whose help it points to. */
export class UsageFailure extends Error {
  constructor(
    readonly problem: UsageProblem,
    readonly command: Command,
  ) {
    super(problem.kind);
  }
}

/** One parse of the command line: the first usage problem met while options are read, said once the invoked command's are all read. */
export class ParseState {
  refused: UsageProblem | undefined;
}

/**
 * commander's Command with its usage errors thrown as data (UsageFailure)
 * rather than as English sentences. Each override is a method commander calls
 * with what it found (the flag, the argument's name, the option, the words
 * received), at the point where it would have said it, so its order of
 * checks is kept. `unknownOption`, `unknownCommand`, `missingArgument`,
 * `optionMissingArgument` and `_excessArguments` are commander 14's own
 * methods (lib/command.js), which its typings leave out.
 *
 * A refused option value and a missing one are kept (ParseState) until the
 * invoked command has read all its options (parseOptions), so that a
 * `--json` after them is read and the error is a JSON document too.
 */
export class ProgramCommand extends Command {
  constructor(
    readonly state: ParseState,
    name?: string,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new ProgramCommand(this.state, name);
  }

  /** A declared subcommand by name. */
  private subcommand(name: string | undefined): Command | undefined {
    return this.commands.find((c) => c.name() === name);
  }

  override parseOptions(argv: string[]): ParseOptionsResult {
    const parsed = super.parseOptions(argv);
    const [word, target] = parsed.operands;
    const dispatches = this.subcommand(word) !== undefined;
    // commander's own help command (`help COMMAND`) is the program's: its errors point to COMMAND's help.
    const helpTarget = this.parent === null && word === 'help' ? target : undefined;
    if (this.state.refused !== undefined && !dispatches) throw new UsageFailure(this.state.refused, this.subcommand(helpTarget) ?? this);
    // `help help` is the program's help; `help NOSUCH`, the unknown command it names, with its suggestion (commander would print the whole help on stderr).
    if (helpTarget === 'help') this.help();
    if (helpTarget !== undefined && this.subcommand(helpTarget) === undefined) this.unknownCommand(helpTarget);
    return parsed;
  }

  /** Help that was asked for goes to stdout and ends the run well; help shown for want of a command is a usage error. */
  override help(context?: HelpContext | ((text: string) => string)): never {
    const error = typeof context === 'object' && context.error === true;
    this.outputHelp({ error });
    // commander would take the exit code from process.exitCode.
    throw new CommanderError(error ? 1 : 0, error ? 'commander.help' : 'commander.helpDisplayed', '(outputHelp)');
  }

  /** commander: an option this command and its parents do not know; the suggestion is among the long flags their help shows, as commander's. */
  unknownOption(flag: string): never {
    const suggestions = flag.startsWith('--') ? similarWords(flag, visibleLongFlags(this)) : [];
    throw new UsageFailure({ kind: 'unknownOption', flag, suggestions }, this);
  }

  /** commander: a command word it does not know (the first word), or the one `help` names. */
  unknownCommand(name = String(this.args[0])): never {
    const names = this.createHelp()
      .visibleCommands(this)
      .flatMap((c) => [c.name(), ...c.aliases().slice(0, 1)]);
    throw new UsageFailure({ kind: 'unknownCommand', name, suggestions: similarWords(name, names) }, this);
  }

  /** commander: a required argument not given, by its name. */
  missingArgument(name: string): never {
    throw new UsageFailure({ kind: 'missingArgument', name }, this);
  }

  /**
   * commander: an option that takes a value, last on the line without one.
   * The program's own (`--catalog` last) lets the invoked command read its
   * options first; a command's is said at once, its options all read.
   */
  optionMissingArgument(option: Option): void {
    this.state.refused ??= { kind: 'optionMissingArgument', flags: option.flags };
    if (this.parent !== null) throw new UsageFailure(this.state.refused, this);
  }

  /** commander: more arguments than the command declares. */
  _excessArguments(received: readonly string[]): never {
    throw new UsageFailure({ kind: 'excessArguments', command: this.name(), expected: this.registeredArguments.length, got: received.length }, this);
  }
}

/** The long flags a command's help shows, then its parents'. */
function visibleLongFlags(cmd: Command): string[] {
  const own = cmd
    .createHelp()
    .visibleOptions(cmd)
    .flatMap((o) => (o.long === undefined ? [] : [o.long]));
  return cmd.parent === null ? own : [...own, ...visibleLongFlags(cmd.parent)];
}

/** The farthest a suggestion may be from what was typed, in edits (commander's). */
const MAX_EDITS = 3;

/**
 * The candidates nearest to a word mistyped, as commander's suggestSimilar
 * chooses them: within three edits (a transposition is one), more than 40 %
 * alike, the nearest only, sorted; a flag is compared without its dashes.
 */
export function similarWords(word: string, candidates: readonly string[]): string[] {
  const flag = word.startsWith('--');
  const typed = flag ? word.slice(2) : word;
  let best = MAX_EDITS;
  let similar: string[] = [];
  for (const candidate of new Set(candidates.map((c) => (flag ? c.slice(2) : c)))) {
    if (candidate.length <= 1) continue;
    const distance = boundedDistance(typed, candidate, MAX_EDITS);
    const length = Math.max(typed.length, candidate.length);
    if ((length - distance) / length <= 0.4) continue;
    if (distance < best) {
      best = distance;
      similar = [candidate];
    } else if (distance === best) similar.push(candidate);
  }
  return similar.sort((a, b) => a.localeCompare(b)).map((c) => (flag ? `--${c}` : c));
}
