/**
 * A YAML syntax error says the same thing in French as in English. English shows the parser's own message; French
 * says that message's meaning, not only its code's: one code covers errors of several meanings (MISSING_CHAR is an
 * unclosed quote, and also a dedented line read as a list item without its dash, which French called "a quote or
 * bracket is not closed"). Every YAML error the bad-catalogue corpus produces is a case here, with what its French
 * must say, and the words of each sentence are compared across the two languages.
 */
import fs from 'node:fs';
import { validateCatalogText } from '../src/catalog/validate-catalog';
import type { Problem } from '../src/catalog/problem';
import { messagesFor } from '../src/present/messages/messages';
import { problemMessage } from '../src/present/problem-message';
import { readCorpus } from './corpus';

/** Each message of the parser the corpus produces, and what its French must say. */
const MEANINGS: Readonly<Record<string, RegExp>> = {
  'Missing closing "quote': /guillemets n’est pas fermé.*«\u00a0"\u00a0»$/,
  'Sequence item without - indicator': /^élément de liste sans tiret «\u00a0-\u00a0»$/,
  'Nested mappings are not allowed in compact mappings': /^un tableau associatif compact .* ne peut pas en contenir un autre$/,
  'Implicit keys need to be on a single line': /^une clé doit tenir sur une seule ligne$/,
  'All mapping items must start at the same column': /^les clés d’un même tableau associatif doivent toutes commencer à la même colonne$/,
  'Flow map in block collection must be sufficiently indented and end with a }': /accolades .*assez indentés et finir par «\u00a0}\u00a0»$/,
  'Flow sequence in block collection must be sufficiently indented and end with a ]': /crochets .*assez indentés et finir par «\u00a0]\u00a0»$/,
  'Unresolved tag: tag:yaml.org,2002:js/function': /^étiquette YAML inconnue\u00a0: tag:yaml\.org,2002:js\/function$/,
};

/** Words that carry a meaning, in English and in French: a sentence names one in one language exactly when it does in the other. */
const WORDS: readonly (readonly [string, RegExp, RegExp])[] = [
  ['a quote', /quote/i, /guillemet/],
  ['a bracket or brace', /[\]}]|flow/i, /crochet|accolade/],
  ['indentation', /indent/i, /indent/],
  ['a column', /column/i, /colonne/],
  ['one line', /single line|same line/i, /seule ligne|même ligne/],
  ['the dash of a list item', /- indicator/, /tiret/],
  ['a tag', /\btag\b/i, /étiquette/],
];

/** Every YAML error of the parser in the committed corpus, once per code and message. */
function yamlErrors(): Problem[] {
  const seen = new Map<string, Problem>();
  for (const entry of readCorpus()) {
    if (!entry.file.endsWith('.yaml') || !fs.statSync(entry.file).isFile()) continue;
    const result = validateCatalogText(fs.readFileSync(entry.file, 'utf8'), entry.file);
    if (result.ok) continue;
    for (const p of result.problems) if (p.detail.id === 'yaml') seen.set(`${p.detail.yamlCode} ${p.detail.text}`, p);
  }
  return [...seen.values()];
}

const ERRORS = yamlErrors();
const fr = messagesFor('fr');
const en = messagesFor('en');

test('the corpus produces YAML errors of several codes, MISSING_CHAR among them with two meanings', () => {
  const codes = new Set(ERRORS.map((p) => (p.detail.id === 'yaml' ? p.detail.yamlCode : '')));
  expect([...codes].sort()).toEqual(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'TAG_RESOLVE_FAILED']);
  expect(ERRORS.filter((p) => p.detail.id === 'yaml' && p.detail.yamlCode === 'MISSING_CHAR')).toHaveLength(2);
});

test.each(ERRORS.map((p) => [p.detail.id === 'yaml' ? `${p.detail.yamlCode}: ${p.detail.text}` : '', p] as const))('%s', (_name, p) => {
  if (p.detail.id !== 'yaml') throw new Error('not a YAML error');
  const english = problemMessage(p, en);
  const french = problemMessage(p, fr);
  // English says what the parser said.
  expect(english).toBe(p.detail.text);
  // French says the same: the meaning this case must have (a message the corpus gives anew needs its case here) ...
  expect(Object.keys(MEANINGS)).toContain(english);
  expect(french).toMatch(MEANINGS[english]!);
  // ... and no word of meaning one sentence has and the other lacks.
  const differ = WORDS.filter(([, inEnglish, inFrench]) => inEnglish.test(english) !== inFrench.test(french)).map(([what]) => what);
  expect(differ).toEqual([]);
});
