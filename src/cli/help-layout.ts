import { Help, type Command, type HelpConfiguration } from 'commander';
import type { Messages } from '../present/messages/messages';
import { wrap, wrapHanging } from '../present/text-formats';
import { shownExample } from './command';
import { EXIT } from './exit-code';
import { fitCommandLine } from './terminal-width';

/** The narrowest a description is wrapped to beside its term; narrower, it goes under the term. */
const MIN_DESCRIPTION = 24;

/**
 * commander's help in the run's language, fitted to its width: commander's
 * layout, with the usage line wrapped too, and, where the terms leave a
 * description fewer than MIN_DESCRIPTION columns (commander then wrapped
 * nothing), each description under its term. Titles and choices are ours.
 */
export function helpLayout(m: Messages): HelpConfiguration {
  return {
    minWidthToWrap: MIN_DESCRIPTION,
    // Our wrap, which breaks at plain spaces only: a no-break space (French typography) keeps its words together.
    boxWrap: (text: string, width: number): string =>
      text
        .split('\n')
        .map((line) => wrap(line, width).join('\n'))
        .join('\n'),
    formatItem: (term: string, termWidth: number, description: string, helper: Help): string => {
      const width = helper.helpWidth ?? 80;
      if (description === '' || width - termWidth - 4 >= MIN_DESCRIPTION) return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
      return [...wrapHanging('  ', term, width, 4), ...wrap(description, width - 6).map((line) => `      ${line}`)].join('\n');
    },
    formatHelp: (cmd: Command, helper: Help): string => {
      const [usage = '', ...rest] = Help.prototype.formatHelp.call(helper, cmd, helper).split('\n');
      const title = `${helper.styleTitle('Usage:')} `;
      return [...wrapHanging(title, usage.slice(title.length), helper.helpWidth ?? 80), ...rest].join('\n');
    },
    showGlobalOptions: true,
    styleTitle: (title) => (m.titles as Readonly<Record<string, string>>)[title] ?? title,
    // Our own wording of the choices; commander's "(choices: ...)" is English.
    optionDescription: (option) => describeChoices(option.description, option.argChoices, m),
    argumentDescription: (argument) => describeChoices(argument.description, argument.argChoices, m),
  };
}

function describeChoices(description: string, choices: readonly string[] | undefined, m: Messages): string {
  return choices === undefined || choices.length === 0 ? description : `${description} ${m.choices(choices.join(', '))}`;
}

/** The examples under a help text, fitted to the width of the stream the help goes to (each a command line that still runs when copied). */
export function helpExamples(examples: readonly string[], m: Messages, width: (error: boolean) => number): (context: { error: boolean }) => string {
  return ({ error }) => {
    if (examples.length === 0) return '';
    const lines = examples.flatMap((line) => fitCommandLine('  $ ', shownExample(line), width(error)));
    return `\n${m.titles['Examples:']}\n${lines.join('\n')}\n`;
  };
}

/** The exit codes under the program's help, each with what it means. */
export function helpExitCodes(m: Messages, width: number): string {
  const lines = Object.values(EXIT).flatMap((code) => wrapHanging(`  ${String(code).padEnd(4)}`, m.exitCodes[code], width));
  return `\n${m.titles['Exit codes:']}\n${lines.join('\n')}\n`;
}
