import type { Command, Option } from 'commander';
import { normalizeName } from '../catalog/normalize-name';
import type { CatalogIndex } from '../query/catalog-index';

/** The shells `completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** A shell `completion` writes a script for. */
export type Shell = (typeof SHELLS)[number];

/** What a positional argument of a command completes to. */
type ArgKind = 'clientele' | 'service' | 'name' | 'file' | 'none' | readonly string[];

const POSITIONALS: Record<string, readonly ArgKind[]> = {
  services: ['clientele'],
  who: ['service'],
  can: ['clientele', 'service'],
  show: ['name'],
  list: [['services', 'clienteles', 'categories']],
  search: ['none'],
  matrix: [],
  validate: ['file'],
  diff: ['file', 'file'],
  fmt: ['file'],
  export: [],
  completion: [[...SHELLS]],
};

// Options whose values come from the catalogue rather than from a fixed list of choices.
const DYNAMIC_VALUES: Record<string, 'category' | 'file'> = { '--category': 'category', '--catalog': 'file' };

function optionsOf(cmd: Command): readonly Option[] {
  return cmd.options as readonly Option[];
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

function findOption(cmds: readonly Command[], flag: string): Option | undefined {
  for (const cmd of cmds) {
    const found = optionsOf(cmd).find((o) => o.long === flag || o.short === flag);
    if (found) return found;
  }
  return undefined;
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

/**
 * Completion candidates for the word being typed, given the words before it
 * (without the program name). Names come from the catalogue in use; a file
 * argument yields nothing, so that the shell completes file names itself.
 */
export function completeWords(program: Command, words: readonly string[], loadIndex: (catalog: string | undefined) => CatalogIndex | null): string[] {
  const before = words.slice(0, -1);
  const current = (words[words.length - 1] ?? '').replace(/^["']/, '');
  let sub: Command | undefined;
  let catalog: string | undefined;
  let positional = 0;
  let pendingValue: Option | undefined;
  let pendingFlag = '';
  for (const word of before) {
    if (pendingValue) {
      if (pendingFlag === '--catalog') catalog = word;
      pendingValue = undefined;
      continue;
    }
    if (word.startsWith('-') && word !== '-') {
      const [flag = word, inline] = word.split('=', 2);
      const option = findOption(sub ? [sub, program] : [program], flag);
      if (option && takesValue(option) && inline === undefined) {
        pendingValue = option;
        pendingFlag = option.long ?? flag;
      } else if (flag === '--catalog' && inline !== undefined) {
        catalog = inline;
      }
      continue;
    }
    if (!sub) {
      sub = program.commands.find((c) => c.name() === word);
      continue;
    }
    positional++;
  }
  const index = (): CatalogIndex | null => loadIndex(catalog);
  const pick = (candidates: readonly string[]): string[] => [...new Set(candidates.filter((c) => matches(c, current)))];

  if (pendingValue) {
    const dynamic = DYNAMIC_VALUES[pendingFlag];
    if (dynamic === 'file') return [];
    if (dynamic === 'category') return pick(index()?.catalog.categories.map((c) => c.id) ?? []);
    return pick(pendingValue.argChoices ?? []);
  }
  if (current.startsWith('-')) {
    const options = [...(sub ? optionsOf(sub) : []), ...optionsOf(program)];
    return pick(
      options
        .flatMap((o) => [o.long, o.short])
        .filter((f): f is string => f !== undefined && f !== '--help' && f !== '-h')
        .concat('--help'),
    );
  }
  if (!sub) return pick(program.commands.filter((c) => !c.name().startsWith('_')).map((c) => c.name()));
  const kinds = POSITIONALS[sub.name()] ?? [];
  // services, who and show take several words; so does the last argument of a command.
  const kind = kinds[Math.min(positional, kinds.length - 1)];
  if (kind === undefined || (positional >= kinds.length && !['services', 'who', 'show', 'search'].includes(sub.name()))) return [];
  if (typeof kind !== 'string') return pick(kind);
  switch (kind) {
    case 'clientele':
    case 'service':
      return pick(namesOfKind(index(), kind));
    case 'name':
      return pick([...namesOfKind(index(), 'service'), ...namesOfKind(index(), 'clientele'), ...namesOfKind(index(), 'category')]);
    case 'file':
    case 'none':
      return [];
  }
  return [];
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
