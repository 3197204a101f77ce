import { normalizeName } from '../catalog/normalize-name';
import type { CatalogIndex } from '../query/catalog-index';
import { GLOBAL_OPTIONS, optionsOf, type ArgKind, type CommandDefinition, type OptionSpec } from './command';

/** The shells `completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** A shell `completion` writes a script for. */
export type Shell = (typeof SHELLS)[number];

/** The long and short flags of an option, and whether it takes a value. */
function flagsOf(option: OptionSpec): { long: string | undefined; short: string | undefined; takesValue: boolean } {
  const long = /--[\w-]+/.exec(option.flags)?.[0];
  const short = /(?:^|[\s,])(-\w)\b/.exec(option.flags)?.[1];
  return { long, short, takesValue: /[<[]/.test(option.flags) };
}

function findOption(options: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  return options.find((o) => {
    const f = flagsOf(o);
    return f.long === flag || f.short === flag;
  });
}

/** Whether a candidate matches what has been typed so far: case, accents and punctuation ignored. */
function matches(candidate: string, typed: string): boolean {
  if (typed === '') return true;
  return candidate.toLowerCase().startsWith(typed.toLowerCase()) || normalizeName(candidate).startsWith(normalizeName(typed));
}

function namesOfKind(index: CatalogIndex | null, kind: 'clientele' | 'service' | 'category'): string[] {
  if (index === null) return [];
  const entries = kind === 'clientele' ? index.catalog.clienteles : kind === 'service' ? index.catalog.services : index.catalog.categories;
  // The official name is offered besides the id unless they read the same (Podiatre, podiatre).
  return entries.flatMap((e) => (normalizeName(e.name) === normalizeName(e.id) ? [e.id] : [e.id, e.name]));
}

function candidatesOfKind(kind: ArgKind, index: () => CatalogIndex | null): readonly string[] {
  if (typeof kind !== 'string') return kind.choices;
  switch (kind) {
    case 'clientele':
    case 'service':
      return namesOfKind(index(), kind);
    case 'name':
      return [...namesOfKind(index(), 'service'), ...namesOfKind(index(), 'clientele'), ...namesOfKind(index(), 'category')];
    case 'file':
    case 'words':
      return [];
  }
}

/**
 * Completion candidates for the word being typed, given the words before it
 * (without the program name), from the command registry. Names come from the
 * catalogue in use; a file argument yields nothing, so that the shell
 * completes file names itself.
 */
export function completeWords(
  commands: readonly CommandDefinition[],
  words: readonly string[],
  loadIndex: (catalog: string | undefined) => CatalogIndex | null,
): string[] {
  const before = words.slice(0, -1);
  const current = (words[words.length - 1] ?? '').replace(/^["']/, '');
  let sub: CommandDefinition | undefined;
  let catalog: string | undefined;
  let positional = 0;
  let pending: OptionSpec | undefined;
  const optionsInScope = (): OptionSpec[] => [...(sub ? optionsOf(sub) : []), ...GLOBAL_OPTIONS];
  for (const word of before) {
    if (pending) {
      if (flagsOf(pending).long === '--catalog') catalog = word;
      pending = undefined;
      continue;
    }
    if (word.startsWith('-') && word !== '-') {
      const [flag = word, inline] = word.split('=', 2);
      const option = findOption(optionsInScope(), flag);
      if (option && flagsOf(option).takesValue && inline === undefined) pending = option;
      else if (flag === '--catalog' && inline !== undefined) catalog = inline;
      continue;
    }
    if (!sub) {
      sub = commands.find((c) => c.name === word);
      continue;
    }
    positional++;
  }
  const index = (): CatalogIndex | null => loadIndex(catalog);
  const pick = (candidates: readonly string[]): string[] => [...new Set(candidates.filter((c) => matches(c, current)))];

  if (pending) {
    const value = pending.value;
    if (value === undefined || value === 'file') return [];
    if (value === 'category') return pick(index()?.catalog.categories.map((c) => c.id) ?? []);
    return pick(value.choices);
  }
  if (current.startsWith('-')) {
    const flags = optionsInScope().flatMap((o) => {
      const f = flagsOf(o);
      return [f.long, f.short].filter((x): x is string => x !== undefined);
    });
    return pick([...flags, '--help']);
  }
  if (!sub) return pick(commands.filter((c) => !c.hidden).map((c) => c.name));
  const args = sub.args;
  const last = args[args.length - 1];
  // A variadic last argument takes every further word.
  const arg = positional < args.length ? args[positional] : last?.variadic ? last : undefined;
  if (arg === undefined) return [];
  return pick(candidatesOfKind(arg.kind, index));
}

/** Quotes a candidate for bash's command line, unless the user opened a quote (then it is closed). */
export function quoteForBash(candidate: string, typed: string): string {
  const quote = typed.startsWith('"') ? '"' : typed.startsWith("'") ? "'" : '';
  if (quote) return `${quote}${candidate}${quote}`;
  return candidate.replace(/([\s'"\\$`!&;|<>()*?[\]{}#~=,])/g, '\\$1');
}

/** The script `completion <shell>` prints; it asks the CLI itself (`__complete`) for candidates. */
export function completionScript(shell: Shell, program: string): string {
  switch (shell) {
    case 'bash':
      return `# ${program} completion for bash. Install: ${program} completion bash > ~/.local/share/bash-completion/completions/${program}
# or add to ~/.bashrc: source <(${program} completion bash)
_ramq_access_complete() {
  local IFS=$'\\n'
  local candidates
  candidates=$(${program} __complete --shell bash -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  COMPREPLY=()
  [ -n "$candidates" ] && COMPREPLY=($candidates)
  return 0
}
complete -o default -F _ramq_access_complete ${program}
`;
    case 'zsh':
      return `#compdef ${program}
# ${program} completion for zsh. Install: ${program} completion zsh > "\${fpath[1]}/_${program}"
# or add to ~/.zshrc: source <(${program} completion zsh)
_ramq_access_complete() {
  local -a candidates
  candidates=("\${(@f)$(${program} __complete --shell zsh -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if (( \${#candidates[@]} == 0 )) || [[ -z "\${candidates[1]}" ]]; then
    _files
  else
    compadd -U -Q -- "\${candidates[@]}"
  fi
}
compdef _ramq_access_complete ${program}
`;
    case 'fish':
      return `# ${program} completion for fish. Install: ${program} completion fish > ~/.config/fish/completions/${program}.fish
function __ramq_access_complete
  set -l tokens (commandline -opc) (commandline -ct)
  ${program} __complete --shell fish -- $tokens[2..-1] 2>/dev/null
end
complete -c ${program} -f -a '(__ramq_access_complete)'
`;
  }
}

/** Formats candidates for a shell: one per line; bash needs them quoted, zsh gets them with spaces escaped. */
export function formatCandidates(shell: Shell, candidates: readonly string[], typed: string): string {
  const lines = candidates.map((c) => (shell === 'bash' ? quoteForBash(c, typed) : shell === 'zsh' ? c.replace(/([\s'"\\$`!&;|<>()*?[\]{}#~])/g, '\\$1') : c));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
