import { normalizeName } from '../catalog/normalize-name';
import type { CatalogIndex } from '../query/catalog-index';
import { GLOBAL_OPTIONS, optionsOf, type ArgKind, type CommandDefinition, type OptionSpec } from './command';
import { SHELLS, type Shell } from './shells';

export { SHELLS, type Shell };

/** The flags an option is typed with: its long one, and its short one when it has one. */
function flagsOf(option: OptionSpec): string[] {
  return option.short === undefined ? [`--${option.long}`] : [`--${option.long}`, `-${option.short}`];
}

function findOption(options: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  return options.find((o) => flagsOf(o).includes(flag));
}

/** Whether a candidate matches what has been typed so far: case, accents and punctuation ignored. */
function matches(candidate: string, typed: string): boolean {
  if (typed === '') return true;
  return candidate.toLowerCase().startsWith(typed.toLowerCase()) || normalizeName(candidate).startsWith(normalizeName(typed));
}

/** A candidate: the text matched against the word typed, and the text put in its place. */
interface Candidate {
  readonly matched: string;
  readonly inserted: string;
}

const asIs = (text: string): Candidate => ({ matched: text, inserted: text });

/** Whether a word would be read as an option (`--catalog=/etc/passwd`, `-x`): a lone `-` is an argument (standard input). */
function looksLikeOption(word: string): boolean {
  return word.length > 1 && word.startsWith('-');
}

/**
 * The ids and official names of a kind. A name that looks like an option would be read as one once inserted: it is
 * matched by its name and completed by its id (an id never starts with "-"), unless it comes after `--`, where every
 * word is an argument.
 */
function namesOfKind(index: CatalogIndex | null, kind: 'clientele' | 'service' | 'category', afterDashes: boolean): Candidate[] {
  if (index === null) return [];
  const entries = kind === 'clientele' ? index.catalog.clienteles : kind === 'service' ? index.catalog.services : index.catalog.categories;
  // The official name is offered besides the id unless they read the same (Podiatre, podiatre).
  return entries.flatMap((e) => {
    if (normalizeName(e.name) === normalizeName(e.id)) return [asIs(e.id)];
    return [asIs(e.id), { matched: e.name, inserted: looksLikeOption(e.name) && !afterDashes ? e.id : e.name }];
  });
}

function candidatesOfKind(kind: ArgKind, index: () => CatalogIndex | null, afterDashes: boolean): readonly Candidate[] {
  if (typeof kind !== 'string') return kind.choices.map(asIs);
  const names = (k: 'clientele' | 'service' | 'category'): Candidate[] => namesOfKind(index(), k, afterDashes);
  switch (kind) {
    case 'clientele':
    case 'service':
      return names(kind);
    case 'name':
      return [...names('service'), ...names('clientele'), ...names('category')];
    case 'file':
    case 'words':
      return [];
  }
}

/**
 * Completion candidates for the word being typed, given the words before it
 * (without the program name), all as the shell would pass them (quotes
 * removed), from the command registry. Names come from the
 * catalogue in use; a file argument yields nothing, so that the shell
 * completes file names itself.
 */
export function completeWords(
  commands: readonly CommandDefinition[],
  words: readonly string[],
  loadIndex: (catalog: string | undefined) => CatalogIndex | null,
): string[] {
  const before = words.slice(0, -1);
  const current = words[words.length - 1] ?? '';
  let sub: CommandDefinition | undefined;
  let catalog: string | undefined;
  let positional = 0;
  let pending: OptionSpec | undefined;
  // After `--` every word is an argument, as commander reads it.
  let afterDashes = false;
  const optionsInScope = (): OptionSpec[] => [...(sub ? optionsOf(sub) : []), ...GLOBAL_OPTIONS];
  for (const word of before) {
    if (pending) {
      if (pending.long === 'catalog') catalog = word;
      pending = undefined;
      continue;
    }
    if (word === '--' && !afterDashes) {
      afterDashes = true;
      continue;
    }
    if (!afterDashes && word.startsWith('-') && word !== '-') {
      const [flag = word, inline] = word.split('=', 2);
      const option = findOption(optionsInScope(), flag);
      if (option?.value !== undefined && inline === undefined) pending = option;
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
  const pick = (candidates: readonly (string | Candidate)[]): string[] => [
    ...new Set(candidates.map((c) => (typeof c === 'string' ? asIs(c) : c)).flatMap((c) => (matches(c.matched, current) ? [c.inserted] : []))),
  ];

  if (pending) {
    const kind = pending.kind;
    if (kind === undefined || kind === 'file') return [];
    if (kind === 'category') return pick(index()?.catalog.categories.map((c) => c.id) ?? []);
    return pick(kind.choices);
  }
  if (current.startsWith('-') && !afterDashes) {
    return pick([...optionsInScope().flatMap(flagsOf), '--help']);
  }
  if (!sub) return pick(commands.filter((c) => !c.hidden).map((c) => c.name));
  const args = sub.args;
  const last = args[args.length - 1];
  // A variadic last argument takes every further word.
  const arg = positional < args.length ? args[positional] : last?.variadic ? last : undefined;
  if (arg === undefined) return [];
  return pick(candidatesOfKind(arg.kind, index, afterDashes));
}

/** A quote left open at the end of a word: none, '…', "…" or bash and zsh's $'…'. */
type OpenQuote = '' | "'" | '"' | "$'";

/** What a word typed so far stands for: its value as the shell would pass it, the quote still open, and whether it ends in a lone backslash (as bash inserts the common part of `a\ b` and `a\$c`). */
interface TypedWord {
  readonly value: string;
  readonly open: OpenQuote;
  readonly dangling: boolean;
}

const ANSI_C_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\u0007', b: '\b', e: '\u001b', E: '\u001b', f: '\f', v: '\v' };

/**
 * Reads a word as typed (quotes, backslashes, bash and zsh's $'…'; fish has
 * no $'…' and lets a backslash escape \ and ' inside '…'). What the user typed
 * is never expanded: `$HOME` stands for itself.
 */
function readTyped(raw: string, shell: Shell): TypedWord {
  let value = '';
  let open: OpenQuote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    const next = raw[i + 1];
    if (open === '') {
      if (c === '\\') {
        if (next === undefined) return { value, open, dangling: true };
        if (next !== '\n') value += next;
        i++;
      } else if (c === "'" || c === '"') open = c;
      else if (c === '$' && next === "'" && shell !== 'fish') {
        open = "$'";
        i++;
      } else value += c;
    } else if (open === "'") {
      if (c === "'") open = '';
      else if (shell === 'fish' && c === '\\' && (next === "'" || next === '\\')) {
        value += next;
        i++;
      } else value += c;
    } else if (open === '"') {
      if (c === '"') open = '';
      else if (c === '\\' && next !== undefined && (shell === 'fish' ? '"$\\\n' : '"$`\\\n').includes(next)) {
        if (next !== '\n') value += next;
        i++;
      } else value += c;
    } else if (c === "'") open = '';
    else if (c === '\\' && next !== undefined) {
      const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(raw.slice(i + 2))?.[0] : undefined;
      if (hex !== undefined) {
        value += String.fromCharCode(parseInt(hex, 16));
        i += 1 + hex.length;
      } else {
        value += ANSI_C_ESCAPES[next] ?? (`\\'"?`.includes(next) ? next : `\\${next}`);
        i++;
      }
    } else value += c;
  }
  return { value, open, dangling: false };
}

/** Splits what bash holds before the cursor into words as typed, at blanks that are neither quoted nor escaped; the last is the word being completed ('' after a blank). */
function splitTypedLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let open: OpenQuote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (open === '' && /[ \t\n]/.test(c)) {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    word += c;
    if (open === '') {
      if (c === '\\' && i + 1 < line.length) word += line[++i];
      else if (c === "'" || c === '"') open = c;
      else if (c === '$' && line[i + 1] === "'") {
        word += line[++i];
        open = "$'";
      }
    } else if (open === "'") {
      if (c === "'") open = '';
    } else if (c === '\\' && i + 1 < line.length) word += line[++i];
    else if (c === (open === '"' ? '"' : "'")) open = '';
  }
  words.push(word);
  return words;
}

/**
 * Where readline starts the text it replaces with bash's candidate, as its
 * `_rl_find_completion_word` does: after an unclosed quote; otherwise after
 * the last word-break character (COMP_WORDBREAKS: = and : by default) that is
 * neither quoted nor escaped. A candidate that begins with the quote the user
 * opened replaces that quote too (readline does not double it).
 */
function readlineStart(raw: string, wordBreaks: string): { start: number; quote: '' | "'" | '"' } {
  let quote: '' | "'" | '"' = '';
  let at = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote !== "'" && c === '\\') i++;
    else if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
      at = i;
    }
  }
  if (quote !== '') return { start: at + 1, quote };
  const breaks = wordBreaks.replace(/[\s'"]/g, '');
  let start = 0;
  let open: OpenQuote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (open === '') {
      if (c === '\\') i++;
      else if (c === "'" || c === '"') open = c;
      else if (breaks.includes(c)) start = i + 1;
    } else if (open === '"' && c === '\\') i++;
    else if (c === open) open = '';
  }
  return { start, quote: '' };
}

/** A control character as bash's $'…' writes it; fine in bash and zsh in every quoting state once the quote around it is closed. */
function ansiC(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

const CONTROL = /\p{Cc}/u;
/** Characters that need no quoting anywhere in a bash word; any other character (~ and = included, which expand at the start of a word or after = and :) is escaped. */
const PLAIN = /[\w./+,:@%-]|[^\p{ASCII}\s\p{Cc}\p{Cf}]/u;

/**
 * Quotes text for bash, to be read in the quoting state the user left open,
 * so that the word passes exactly that text and runs nothing: no command
 * substitution, no expansion of variables, ~, = or globs, no history (!) expansion.
 * With a quote open, the result starts with that quote (readline then replaces
 * the user's, instead of doubling it) and ends with it (readline then does
 * not add one).
 */
function quoteForBash(text: string, open: OpenQuote): string {
  const chars = [...text];
  switch (open) {
    case '':
      return chars.map((c) => (PLAIN.test(c) ? c : CONTROL.test(c) ? `$'${ansiC(c)}'` : `\\${c}`)).join('');
    case "'":
      return `'${chars.map((c) => (c === "'" ? `'\\''` : CONTROL.test(c) ? `'$'${ansiC(c)}''` : c)).join('')}'`;
    case '"':
      // Inside "…" a backslash does not stop history expansion (and stays in the word), so a ! is put outside: "…"\!"…".
      return `"${chars.map((c) => (c === '!' ? '"\\!"' : '$`"\\'.includes(c) ? `\\${c}` : CONTROL.test(c) ? `"$'${ansiC(c)}'"` : c)).join('')}"`;
    case "$'":
      // \x27 rather than \' and \x21 for !: history expansion takes \' for the end of the quote.
      return `'${chars.map((c) => (c === '\\' ? '\\\\' : c === "'" || c === '!' || CONTROL.test(c) ? ansiC(c) : c)).join('')}'`;
  }
}

/** bash's candidates: each the rest of a name after the text readline keeps, quoted for the state the user left open. */
function bashCandidates(
  commands: readonly CommandDefinition[],
  input: readonly string[],
  loadIndex: (catalog: string | undefined) => CatalogIndex | null,
): string[] {
  const [wordBreaks = ' \t\n"\'@><=;|&(:', line = ''] = input;
  // The first word is the program's name, which bash completes itself.
  const words = splitTypedLine(line).slice(1);
  if (words.length === 0) return [];
  const raw = words[words.length - 1]!;
  const typed = readTyped(raw, 'bash');
  const { start, quote } = readlineStart(raw, wordBreaks);
  const open: OpenQuote = quote === "'" && typed.open === "$'" ? "$'" : quote;
  // The text readline keeps (without the quote a candidate replaces, or the $ of $'…') must leave no quote open: else bash would read the candidate in another state than the one it is quoted for.
  const kept = readTyped(raw.slice(0, open === '' ? start : start - open.length), 'bash');
  if (typed.open !== open || kept.open !== '' || kept.dangling) return [];
  const before = words.slice(0, -1).map((w) => readTyped(w, 'bash').value);
  const keep = kept.value.toLowerCase();
  return completeWords(commands, [...before, typed.value], loadIndex)
    .filter((c) => c.slice(0, keep.length).toLowerCase() === keep)
    .map((c) => quoteForBash(c.slice(keep.length), open));
}

/**
 * What `__complete` prints, one candidate a line. bash passes its word-break
 * characters and the line up to the cursor, and gets candidates quoted for
 * the quote the user opened (`complete -F` inserts them as they are). zsh and
 * fish pass the words before the current one (unquoted) and the current one
 * as typed, and get the names as they are: both shells quote what they
 * insert. A candidate with a control character (which a valid catalogue
 * cannot hold) would be read as two lines, so zsh and fish do not get it.
 */
export function completeFor(
  shell: Shell,
  commands: readonly CommandDefinition[],
  input: readonly string[],
  loadIndex: (catalog: string | undefined) => CatalogIndex | null,
): string {
  const lines =
    shell === 'bash'
      ? bashCandidates(commands, input, loadIndex)
      : completeWords(commands, [...input.slice(0, -1), readTyped(input[input.length - 1] ?? '', shell).value], loadIndex).filter((c) => !CONTROL.test(c));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Text as one word for sh and zsh, read as it is: in '…', each ' written '\''. */
function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The script `completion <shell>` prints; it asks the CLI itself (`__complete`) for candidates. `needsCompinit` is
 * what the zsh script says when zsh's completion system is not loaded by the first prompt.
 */
export function completionScript(shell: Shell, program: string, needsCompinit: string): string {
  switch (shell) {
    case 'bash':
      return `# ${program} completion for bash. Install: ${program} completion bash > ~/.local/share/bash-completion/completions/${program}
# or add to ~/.bashrc: source <(${program} completion bash)
_ramq_access_complete() {
  local candidates line
  COMPREPLY=()
  # The CLI reads the line up to the cursor as readline does and quotes each candidate for the quote left open.
  candidates=$(${program} __complete --shell bash -- "\${COMP_WORDBREAKS}" "\${COMP_LINE:0:COMP_POINT}" 2>/dev/null) || return 0
  [[ -n "\${candidates}" ]] || return 0
  # One candidate a line, taken as it is: no word splitting, no glob.
  while IFS= read -r line; do COMPREPLY+=("\${line}"); done <<< "\${candidates}"
  return 0
}
complete -o default -F _ramq_access_complete ${program}
`;
    case 'zsh':
      return `#compdef ${program}
# ${program} completion for zsh. Install: ${program} completion zsh > "\${fpath[1]}/_${program}"
# or add to ~/.zshrc (after compinit, or before: it then waits for it): source <(${program} completion zsh)
_ramq_access_complete() {
  local -a candidates
  candidates=("\${(@f)$(${program} __complete --shell zsh -- "\${(@Q)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null)}")
  if (( \${#candidates[@]} == 0 )) || [[ -z "\${candidates[1]}" ]]; then
    _files
  else
    # -U: the names were matched already (accents and case ignored); no -Q: zsh quotes each for the quote the user opened.
    compadd -U -- "\${candidates[@]}"
    # Names that begin differently ("Médecin …" and "medecin-…") share a beginning shorter than what was typed:
    # zsh would put that in place of the word and erase it, so the line is left as typed and the names are listed.
    if (( \${#candidates[@]} > 1 )); then
      local common="\${candidates[1]}" c
      for c in "\${candidates[@]:1}"; do
        while [[ "\${c}" != "\${common}"* ]]; do common="\${common[1,-2]}"; done
      done
      (( \${#common} < \${#PREFIX} )) && compstate[insert]=''
    fi
  fi
}
if [[ "\${funcstack[1]}" == _${program} ]]; then
  # Loaded from $fpath by compinit when a word is first completed: complete it now.
  _ramq_access_complete "$@"
elif (( \${+functions[compdef]} )); then
  compdef _ramq_access_complete ${program}
else
  # Sourced before compinit (compdef does not exist yet): register at the first prompt, once ~/.zshrc has run.
  _ramq_access_register() {
    add-zsh-hook -d precmd _ramq_access_register
    if (( \${+functions[compdef]} )); then
      compdef _ramq_access_complete ${program}
    else
      print -u2 -r -- ${singleQuoted(`${program}: ${needsCompinit}`)}
    fi
  }
  autoload -Uz add-zsh-hook
  add-zsh-hook precmd _ramq_access_register
fi
`;
    case 'fish':
      return `# ${program} completion for fish. Install: ${program} completion fish > ~/.config/fish/completions/${program}.fish
function __ramq_access_complete
  # The words before the current one unquoted, the current one as typed; fish quotes what it inserts.
  set -l tokens (commandline -opc) (commandline -ct)
  ${program} __complete --shell fish -- $tokens[2..-1] 2>/dev/null
end
complete -c ${program} -f -a '(__ramq_access_complete)'
`;
  }
}
