/**
 * One language at a time: every command, in every format it offers, its help,
 * and a sample of errors, run in French and in English; the output must hold
 * no tell-tale word of the other language once the catalogue's own texts
 * (names, descriptions, notes, conditions, in both languages) are set aside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { choicesOf, GLOBAL_OPTIONS, optionsOf, type OptionSpec } from '../src/cli/command';
import { COMMANDS } from '../src/cli/commands';
import type { Catalog } from '../src/catalog/model';
import { CATALOG, FIXTURES, runCli, writeMutatedPage } from './helpers';
import { loadCatalog } from '../src/catalog/load-catalog';
import { PROBLEM_CODES } from '../src/catalog/problem';

type Lang = 'fr' | 'en';

/** Words that give away the other language; each is checked as a whole word, case ignored. */
const TELL_TALES: Record<Lang, readonly string[]> = {
  // English words that must not appear in French output
  fr: [
    'unknown',
    'did you mean',
    'clientele',
    'clienteles',
    'usage:',
    'inherited',
    'on request',
    'account creation',
    'examples',
    'legend',
    'not stated',
    'english name',
    'specialisations',
    'other names',
    'no match',
    'ambiguous',
    'missing argument',
    'show help',
    'found in',
    'the source',
    'yes',
    'changes',
  ],
  // French words that must not appear in English output
  en: [
    'inconnu',
    'inconnue',
    'vouliez-vous',
    'clientèle',
    'clientèles',
    'sur demande',
    'création du compte',
    'hérité',
    'utilisation',
    'exemples',
    'légende',
    'aucun',
    'aucune',
    'catégorie',
    'sigle',
    'ambigu',
    'affiche',
    'sans précision',
    'trouvé dans',
    'oui',
    'non',
    'changement',
  ],
};

const catalog = (() => {
  const r = loadCatalog(CATALOG);
  if (!r.ok) throw new Error('the shipped catalogue is invalid');
  return r.catalog;
})();

/** Every text of the catalogue, in both languages, longest first (so that a long name is removed before a word inside it). */
function catalogueTexts(c: Catalog): string[] {
  const texts: string[] = [c.source.title, c.source.publisher];
  const bilingual = (b: { fr: string; en: string } | null): string[] => (b === null ? [] : [b.fr, b.en]);
  for (const k of c.categories) texts.push(k.id, k.name, k.name_en);
  for (const k of c.clienteles) texts.push(k.id, k.name, k.name_en, ...k.forms, ...k.aliases, ...k.terms_en, ...k.abbreviations, ...bilingual(k.description));
  for (const s of c.services) {
    texts.push(s.id, s.name, s.name_en, ...(s.abbreviation === null ? [] : [s.abbreviation]), ...s.aliases, ...bilingual(s.description));
    for (const n of s.notes) texts.push(n.fr, n.en);
    for (const g of s.grants) for (const cond of g.conditions) texts.push(cond.fr, cond.en);
    for (const a of s.sub_applications) texts.push(a.name, a.name_en, ...bilingual(a.description));
  }
  return [...new Set(texts.filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
}

// A copy of the page that differs in every way check-source can say (a tier, a grant, a condition, a new service, a new clientele).
const MUTATED_PAGE = writeMutatedPage('ramq-leaks-');
/** The lines of the pages check-source reads here: French text the page says, which a report quotes in either language. */
function pageTexts(): string[] {
  const pages = [path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt'), MUTATED_PAGE];
  return pages
    .flatMap((p) =>
      fs
        .readFileSync(p, 'utf8')
        .split('\n')
        .map((l) => l.replace(/^- /, '').trim()),
    )
    .filter((t) => t.length >= 2);
}

/** Words of the command line itself (command names, flags, the values options and arguments take): syntax, the same in every language. */
const SYNTAX = [
  ...COMMANDS.map((c) => c.name),
  ...COMMANDS.flatMap((c): OptionSpec[] => [...optionsOf(c), ...GLOBAL_OPTIONS]).flatMap((o) => [
    `--${o.long}`,
    ...(o.short === undefined ? [] : [`-${o.short}`]),
    ...(choicesOf(o.kind) ?? []),
  ]),
  ...COMMANDS.flatMap((c) => c.args.flatMap((a) => (typeof a.kind === 'string' ? [] : a.kind.choices))),
];

// Problem codes (UNKNOWN_CLIENTELE) are stable identifiers for scripts, the same in every language.
const TEXTS = [...new Set([...catalogueTexts(catalog), ...PROBLEM_CODES, ...pageTexts()])].sort((a, b) => b.length - a.length);
/** Help and usage errors quote the command line's words; answers are checked without this allowance. */
const TEXTS_AND_SYNTAX = [...new Set([...TEXTS, ...SYNTAX])].sort((a, b) => b.length - a.length);

/** The output with the catalogue's texts taken out (whitespace folded, since tables wrap names over lines). */
function withoutCatalogueTexts(output: string, texts: readonly string[]): string {
  let text = output.replace(/\s+/g, ' ');
  for (const t of texts) text = text.split(t.replace(/\s+/g, ' ')).join(' ');
  return text;
}

/**
 * The prose of an output. JSON and CSV are data: their keys, column names and
 * enumerated values (tier, kind, code) are the documented contract, the same
 * in every language; their only prose is the `message` of an error.
 */
function proseOf(output: string, format: string): string {
  if (format === 'csv') return '';
  // The HTML page: its visible text, and the interface strings its script shows (the data's keys are code).
  if (format === 'html') {
    const data = /<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(output)?.[1] ?? '{}';
    const ui = (JSON.parse(data.replace(/\\u003c/g, '<')) as { ui?: Record<string, unknown> }).ui ?? {};
    const visible = output
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ');
    // `{clienteles}` in a template is the name of what the script puts there, not a word shown
    const strings = Object.values(ui).filter((v): v is string => typeof v === 'string');
    return [visible, ...strings.map((s) => s.replace(/\{\w+\}/g, ' '))].join('\n');
  }
  // SARIF is JSON too; its prose is in `text` (messages and rule descriptions).
  if (format === 'json' || format === 'sarif') {
    const values: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null)
        for (const [key, value] of Object.entries(v)) {
          if ((key === 'message' || key === 'text') && typeof value === 'string') values.push(value);
          else walk(value);
        }
    };
    for (const line of output.trim().split('\n').filter(Boolean)) {
      try {
        walk(JSON.parse(line));
      } catch {
        walk(JSON.parse(output));
        break;
      }
    }
    return values.join('\n');
  }
  if (format === 'csv') return output.split('\n').slice(1).join('\n');
  return output;
}

function leaks(output: string, lang: Lang, syntax = false): string[] {
  const text = withoutCatalogueTexts(output, syntax ? TEXTS_AND_SYNTAX : TEXTS).toLowerCase();
  return TELL_TALES[lang].filter((w) => new RegExp(`(^|[^\\p{L}-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}-])`, 'u').test(text));
}

const MINIMAL = path.join(FIXTURES, 'valid', 'minimal.yaml');
const ARGS: Record<string, readonly (readonly string[])[]> = {
  services: [
    ['services', 'podiatre'],
    ['services', 'ips-premiere-ligne'],
    ['services', 'personnel-administratif-audioprothesiste-oculariste'],
  ],
  who: [
    ['who', 'messagerie-securisee', '--expand'],
    ['who', 'roseh'],
    ['who', 'identification-medecin-famille'],
  ],
  can: [
    ['can', 'ips-premiere-ligne', 'pme'],
    ['can', 'podiatre', 'selat'],
    ['can', 'audioprothesiste', 'messagerie-securisee'],
  ],
  show: [
    ['show', 'selat'],
    ['show', 'ips'],
    ['show', 'medicaments'],
    ['show', 'identification-medecin-famille'],
  ],
  list: [
    ['list', 'services'],
    ['list', 'clienteles'],
    ['list', 'categories'],
  ],
  search: [
    ['search', 'aide'],
    ['search', 'zzzzzz'],
  ],
  matrix: [['matrix'], ['matrix', '--category', 'medicaments']],
  validate: [['validate'], ['validate', path.join(FIXTURES, 'bad', 'ref-unknown-clientele.yaml')]],
  diff: [
    ['diff', MINIMAL, CATALOG],
    ['diff', CATALOG, CATALOG],
  ],
  export: [['export']],
  completion: [['completion', 'bash']],
  fmt: [['fmt', '--check', CATALOG]],
  'check-source': [[path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt')], [MUTATED_PAGE]].map((a) => ['check-source', ...a]),
};

const ERRORS: readonly (readonly string[])[] = [
  ['services', 'podiatr'],
  ['services', 'médecin'],
  ['who', 'nope'],
  ['can', 'podiatre'],
  ['services', 'podiatre', '--jsn'],
  ['servics'],
  ['list', 'nope'],
  ['who', 'selat', '--tier', 'sometimes'],
  ['services', '--batch', '--format', 'csv'],
  ['validate', '/nonexistent/catalog.yaml'],
  ['--catalog', path.join(FIXTURES, 'bad', 'ref-unknown-clientele.yaml'), 'services', 'podiatre'],
  ['diff', '-', '-'],
  ['check-source', path.join(FIXTURES, 'source', 'page-introuvable.html')],
  ['check-source', '/nonexistent/page.txt'],
  ['check-source', '-', '--catalog', '-'],
  ['check-source', path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt'), '--catalog', '-', '--write'],
  [],
];

const LANGS: readonly [Lang, Record<string, string>][] = [
  ['fr', { LANG: 'fr_CA.UTF-8' }],
  ['en', { LANG: 'en_CA.UTF-8' }],
];

const runs: [string, Lang, readonly string[], string][] = [];
for (const [lang] of LANGS) {
  runs.push(['help', lang, ['--help'], 'table']);
  for (const command of COMMANDS.filter((c) => !c.hidden)) {
    runs.push(['help', lang, [command.name, '--help'], 'table']);
    for (const args of ARGS[command.name] ?? []) {
      const formats = command.formats.length > 0 ? command.formats : ['table'];
      for (const format of formats) runs.push([command.name, lang, command.formats.length > 0 ? [...args, '--format', format] : args, format]);
    }
  }
  for (const args of ERRORS) runs.push(['error', lang, args, 'table']);
  runs.push(['batch', lang, ['can', '--batch'], 'json']);
}

test.each(runs)('%s in %s: %j', async (kind, lang, args, format) => {
  const syntax = kind === 'help' || kind === 'error';
  const env = LANGS.find(([l]) => l === lang)![1];
  const out = await runCli([...args], env, false, args.includes('--batch') ? 'podiatre\tselat\nghost\tselat\nbad line\n' : fs.readFileSync(CATALOG, 'utf8'));
  const stdout = proseOf(out.stdout, format);
  expect({ args, stdout: leaks(stdout, lang, syntax), stderr: leaks(out.stderr, lang, syntax) }).toEqual({ args, stdout: [], stderr: [] });
  // and the --lang flag overrides the locale the same way
  const other = lang === 'fr' ? 'en' : 'fr';
  const flagged = await runCli([...args, '--lang', lang], LANGS.find(([l]) => l === other)![1], false, args.includes('--batch') ? 'ghost\tselat\n' : '');
  expect({ args, stderr: leaks(flagged.stderr, lang, syntax) }).toEqual({ args, stderr: [] });
});
