import type { Messages } from './messages/messages';

/**
 * A usage error the command-line parser found, as data: what was refused and
 * the names it concerns, never the parser's own sentence. `flags` and `name`
 * are as usage lines show them (`--tier <niveau>`, `clientèle`).
 */
export type UsageProblem =
  | { readonly kind: 'unknownOption'; readonly flag: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'unknownCommand'; readonly name: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'missingArgument'; readonly name: string }
  | { readonly kind: 'optionMissingArgument'; readonly flags: string }
  | { readonly kind: 'excessArguments'; readonly command: string; readonly expected: number; readonly got: number }
  | {
      readonly kind: 'invalidChoice';
      readonly value: string;
      /** The option (its flags) or the argument (its name) that refused it. */
      readonly of: { readonly option: string } | { readonly argument: string };
      readonly choices: readonly string[];
    };

/** A usage problem in the run's language, as one line. */
export function describeUsageProblem(p: UsageProblem, m: Messages): string {
  const e = m.errors;
  const withSuggestions = (text: string, suggestions: readonly string[]): string => {
    if (suggestions.length === 0) return text;
    const offer = suggestions.length === 1 ? e.didYouMean(suggestions[0]!) : e.didYouMeanOneOf(suggestions.join(', '));
    return `${text}${m.punctuation.semicolon}${offer}`;
  };
  switch (p.kind) {
    case 'unknownOption':
      return withSuggestions(e.unknownOption(p.flag), p.suggestions);
    case 'unknownCommand':
      return withSuggestions(e.unknownCommand(p.name), p.suggestions);
    case 'missingArgument':
      return e.missingArgument(p.name);
    case 'optionMissingArgument':
      return e.optionMissingArgument(p.flags);
    case 'excessArguments':
      return e.excessArguments(p.command, p.expected, p.got);
    case 'invalidChoice':
      return e.invalidChoice(p.value, 'option' in p.of ? e.optionNamed(p.of.option) : e.argumentNamed(p.of.argument), p.choices.join(', '));
  }
}

/** The word of the command line a usage problem is about (the unknown option or command, the value refused), for JSON's `input`; empty for the others. */
export function usageProblemInput(p: UsageProblem): string {
  switch (p.kind) {
    case 'unknownOption':
      return p.flag;
    case 'unknownCommand':
      return p.name;
    case 'invalidChoice':
      return p.value;
    default:
      return '';
  }
}
