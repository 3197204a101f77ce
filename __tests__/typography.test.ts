import fc from 'fast-check';
import { COMMANDS } from '../src/cli/commands';
import { count, formatNumber, messagesFor, type Messages } from '../src/present/messages/messages';
import { en, fr, NBSP } from '../src/present/messages/typography';
import { displayWidth, wrap } from '../src/present/text-formats';
import { runCli } from './helpers';

// One typography rule per language, applied where each sentence is written, by the tags `fr` and `en`
// (src/present/messages/typography.ts): French puts a no-break space before : ; ! ? and inside « », English no
// space before : ; ! ?. The rule spaces the template's own text, never the values put into it.

/** Sample arguments: every message function is called with every combination of these that it accepts. */
const FINDING_WORDS = {
  service: 'Service',
  clientele: 'Clientèle',
  item: 'Élément',
  heading: 'Titre',
  pageTier: 'sur demande',
  catalogTier: 'à la création',
  pageCondition: 'condition',
  catalogConditions: 'condition',
  suggestions: 'podiatre',
};
const EMPTY_WORDS = Object.fromEntries(Object.keys(FINDING_WORDS).map((k) => [k, '']));
const DETAIL = {
  id: 'detail',
  at: 'services[prem]',
  key: 'clef',
  values: ['"creation"', '"request"'],
  types: ['string', 'array'],
  format: 'date',
  text: 'texte',
  clientele: 'podiatre',
  parent: 'ips',
  service: 'selat',
  category: 'administration',
  suggestions: ['podiatre', 'ips'],
  entry: 'service',
  kind: 'clientele',
  entryId: 'selat',
  other: 'pme',
  otherName: 'Nom',
  ids: ['ips', 'podiatre'],
  limit: 2000,
  size: 3000,
  errno: 'EIO',
  given: 'rien',
  alias: 'ancre',
  yamlCode: 'MULTILINE_IMPLICIT_KEY',
  codePoint: 0xad,
  position: 3,
  letter: 'о',
  value: 'valeur',
};
const BARE_DETAIL = { ...DETAIL, at: '', suggestions: [], size: null, yamlCode: 'MISSING_CHAR' };
const POOL: readonly unknown[] = ['mot', '', 2000, 1, null, [], ['un', 'deux'], FINDING_WORDS, EMPTY_WORDS, DETAIL, BARE_DETAIL, true, false];

/** The samples for a function of `arity` arguments: fewer for more arguments, so that the combinations stay a few thousand. */
function poolFor(arity: number): readonly unknown[] {
  if (arity <= 2) return POOL;
  if (arity === 3) return ['mot', '', 2000, 1, null, ['un', 'deux'], FINDING_WORDS, DETAIL, true];
  return ['mot', 2000, 1, null, ['un', 'deux'], true];
}

/** Every text a language's messages say: each string, and what each function returns for every combination of sample arguments it takes. */
function everyText(m: Messages, sample: (value: unknown) => boolean = () => true): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.push({ path, text: value });
    else if (typeof value === 'function') {
      const f = value as (...args: unknown[]) => unknown;
      // Every combination of samples for each argument the function declares; those of the wrong type say nothing usable.
      const pool = poolFor(f.length).filter(sample);
      const combos = (n: number): unknown[][] => (n === 0 ? [[]] : combos(n - 1).flatMap((c) => pool.map((v) => [...c, v])));
      let said = 0;
      for (const args of combos(f.length)) {
        let text: unknown;
        try {
          text = f(...args);
        } catch {
          continue;
        }
        if (typeof text === 'string' && !text.includes('undefined') && !text.includes('[object Object]')) {
          out.push({ path: `${path}(${args.map((a) => JSON.stringify(a)).join(', ')})`, text });
          said++;
        }
      }
      if (said === 0) out.push({ path, text: '<never said anything>' });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(m, '');
  return out;
}

/** After punctuation that ends a phrase: a space, the end, or what closes around it; else it is inside a word (`http://`, `services:,`). */
const ENDS_PHRASE = /^(?:$|[\s)\]»”’"'.,…])/;

function frenchFaults(text: string): string[] {
  const faults: string[] = [];
  [...text].forEach((ch, i, chars) => {
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if (/[:;!?]/.test(ch) && ENDS_PHRASE.test(after) && before !== NBSP && before !== '' && before !== '(') faults.push(`«${before}${ch}»`);
    if (ch === '«' && after !== NBSP) faults.push('« without the no-break space after it');
    if (ch === '»' && before !== NBSP) faults.push('» without the no-break space before it');
  });
  return faults;
}

function englishFaults(text: string): string[] {
  return [...text.matchAll(/\s[:;!?]/g)].map((match) => JSON.stringify(match[0]));
}

describe('French: a no-break space before : ; ! ? and inside « », in every message', () => {
  const texts = everyText(messagesFor('fr'));

  test('every function of the catalogue says something with sample arguments', () => {
    expect(texts.filter((t) => t.text === '<never said anything>').map((t) => t.path)).toEqual([]);
    expect(texts.length).toBeGreaterThan(1000);
  });

  test('no : ; ! ? without the no-break space before it, no « » without their inner space', () => {
    const faults = texts.flatMap((t) => frenchFaults(t.text).map((f) => `${t.path}: ${f} in ${JSON.stringify(t.text)}`));
    expect(faults).toEqual([]);
  });

  test('a colon inside a word is no punctuation of the sentence, and is left alone', () => {
    const inside = new Set(texts.flatMap((t) => [...t.text.matchAll(/\S[:;!?](?=[^\s)\]»”’"'.,…])/g)].map((m) => m[0])));
    expect([...inside].sort()).toEqual(['p:', 's:'].sort());
    expect(messagesFor('fr').commands['check-source']).not.toContain('https\u00a0:');
  });
});

describe('English: no space before : ; ! ?, in every message', () => {
  // No sample that reads as an empty text ('', []): an English sentence nests a phrase ending with a value before its
  // own colon (", through ${holder}" then ": conditions"), and an empty name, tier or line number there would leave a
  // space before the colon; no caller passes one. Empty texts stay in the sample objects (a finding's words, a
  // problem's place), and the French catalogue is called with them all.
  const texts = everyText(messagesFor('en'), (value) => String(value) !== '');

  test('every function of the catalogue says something with sample arguments', () => {
    expect(texts.filter((t) => t.text === '<never said anything>').map((t) => t.path)).toEqual([]);
  });

  test('no space of any kind before : ; ! ?', () => {
    const faults = texts.flatMap((t) => englishFaults(t.text).map((f) => `${t.path}: ${f} in ${JSON.stringify(t.text)}`));
    expect(faults).toEqual([]);
  });
});

describe('the tags space the text of the template, never the values put into it', () => {
  test('fr: a no-break space before : ; ! ? and inside « », in place of a plain space or added', () => {
    expect(fr`Source : ${'RAMQ'}`).toBe(`Source${NBSP}: RAMQ`);
    expect(fr`Id: ${'prem'}`).toBe(`Id${NBSP}: prem`);
    expect(fr`oui ; non ! vraiment ?`).toBe(`oui${NBSP}; non${NBSP}! vraiment${NBSP}?`);
    expect(fr`« ${'Mon dossier'} »`).toBe(`«${NBSP}Mon dossier${NBSP}»`);
    expect(fr`«${'Mon dossier'}»`).toBe(`«${NBSP}Mon dossier${NBSP}»`);
    expect(fr`${2000} octets`).toBe('2000 octets');
  });

  test('fr: a colon inside a word, and punctuation after an opening parenthesis, are no punctuation of the sentence', () => {
    expect(fr`une adresse http:// ou https://`).toBe('une adresse http:// ou https://');
    expect(fr`a:b et c:d`).toBe('a:b et c:d');
    expect(fr`(?)`).toBe('(?)');
  });

  test('fr: a value keeps its own punctuation and spaces, next to ours', () => {
    expect(fr`${'a : b ; « c »'} ; ${'d ?'}`).toBe(`a : b ; « c »${NBSP}; d ?`);
    // A space that is the value's is not ours to replace: only the punctuation after it is the template's.
    expect(fr`${'nom '}: x`).toBe('nom : x');
    expect(fr`${''} : x`).toBe(`${NBSP}: x`);
  });

  test('en: no space of ours before : ; ! ?, also where a value between them is empty; a value is left as it is', () => {
    expect(en`cannot use the catalogue ${'x.yaml'}:`).toBe('cannot use the catalogue x.yaml:');
    expect(en`cannot use the catalogue ${''}:`).toBe('cannot use the catalogue:');
    expect(en`${'a : b'}; ${'c ?'}`).toBe('a : b; c ?');
    expect(en`${'nom '}: x`).toBe('nom : x');
  });
});

describe('the rule touches the catalogue’s own words only: the values a message quotes come out as they are', () => {
  // Text a person could write in a catalogue, a page or a file name: punctuation after a plain space, or none.
  const data = fc
    .array(fc.constantFrom('Nom', ' ', ':', ';', '!', '?', '«', '»', 'é', 'http://x', '-', '\u00a0', 'a'), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.join(''))
    .filter((s) => s.trim() !== '' && s.trim() === s);

  test.each(['fr', 'en'] as const)('%s: names, conditions, file names and page items are never rewritten', (lang) => {
    const m = messagesFor(lang);
    fc.assert(
      fc.property(data, data, data, (a, b, c) => {
        const said: [string, string[]][] = [
          [m.can.yes('Oui', a, b, c), [a, b, c]],
          [m.can.holder(a, [b, c]), [a, b, c]],
          [m.rows.also(a, b, [c]), [a, b, c]],
          [m.errors.leftUntouched(a), [a]],
          [m.problems.unknownClientele({ id: 'unknownClientele', service: a, clientele: b, suggestions: [c] }), [a, b, c]],
          [m.checkSource.findings['tier-differs']({ ...FINDING_WORDS, service: a, clientele: b, pageTier: c }), [a, b, c]],
        ];
        return said.every(([text, values]) => values.every((value) => text.includes(value)));
      }),
    );
  });

  test('an excerpt of a long value around an invisible character stays as it is', () => {
    const value = `${'Un nom : avec ; des ! signes ? '.repeat(3)}\u00ad la suite : encore`;
    const said = messagesFor('fr').problems.invisibleCharacter({ id: 'invisibleCharacter', at: '', value, codePoint: 0xad, position: 94 });
    expect(said).toContain(`«${NBSP}…ec ; des ! signes ? \u00ad la suite : encore${NBSP}»`);
    expect(said.startsWith(`le catalogue${NBSP}: caractère invisible`)).toBe(true);
  });
});

describe('numbers shown to people are written as the language writes them', () => {
  test('through Intl.NumberFormat: 2 000 with a no-break space in French, 2,000 in English', () => {
    expect(formatNumber('fr', 2000)).toBe(`2${NBSP}000`);
    expect(formatNumber('en', 2000)).toBe('2,000');
    expect(count('fr', 2000, 'service', 'services')).toBe(`2${NBSP}000 services`);
    expect(messagesFor('fr').validation.summary(1234, 2)).toBe(`1${NBSP}234 problèmes dans 2 fichiers`);
    expect(messagesFor('en').checkSource.matched(1500, 2000, 3)).toBe('1,500 of 2,000 list items agree with the catalogue (3 "Qui a accès" lists).');
    expect(messagesFor('fr').checkSource.fetch.timeout(2.5)).toBe(`pas de réponse complète en 2,5 s (--timeout)`);
    expect(messagesFor('fr').problems.tooLarge({ id: 'tooLarge', size: 5000000, limit: 4194304 })).toBe(
      `le fichier fait 5${NBSP}000${NBSP}000 octets${NBSP}; un catalogue ne peut dépasser 4${NBSP}194${NBSP}304 octets`,
    );
  });
});

describe('labels assembled for display follow the rule too', () => {
  test('show: "Id : prem" with the no-break space in French, "Id: prem" in English', async () => {
    const fr = (await runCli(['show', 'prem'])).stdout;
    expect(fr).toContain(`\nId${NBSP}: prem\nNom anglais${NBSP}: Regional medical workforce plans\nCatégorie${NBSP}: Facturation`);
    const en = (await runCli(['show', 'prem', '--lang', 'en'])).stdout;
    expect(en).toContain('\nId: prem\nEnglish name: Regional medical workforce plans\nCategory: Billing');
    const md = (await runCli(['show', 'prem', '--format', 'markdown'])).stdout;
    expect(md).toContain(`- **Id**${NBSP}: prem`);
  });

  test('diff: a grant with conditions reads "(sur demande ; conditions : …)" in French, "(on request; conditions: …)" in English', () => {
    const fr = messagesFor('fr');
    expect(frenchFaults(`(${fr.tiers.request}${fr.punctuation.semicolon}${fr.diff.conditions('"x"')})`)).toEqual([]);
    expect(`(${fr.tiers.request}${fr.punctuation.semicolon}${fr.diff.conditions('"x"')})`).toBe(`(sur demande${NBSP}; conditions${NBSP}: "x")`);
  });

  test('a usage error with a suggestion joins the two sentences with the language’s semicolon', async () => {
    const out = await runCli(['servics']);
    expect(out.stderr).toBe(
      `ramq-access: commande inconnue${NBSP}: servics${NBSP}; vouliez-vous dire services${NBSP}?\nSaisissez «${NBSP}ramq-access --help${NBSP}» pour plus d’informations.\n`,
    );
  });
});

describe('wrapping never starts a line with the punctuation a no-break space glues to its word', () => {
  test('--help in French: no line starts with : ; ! ? » nor ends with a no-break space', async () => {
    for (const command of COMMANDS.filter((c) => !c.hidden)) {
      const help = (await runCli([command.name, '--help'])).stdout;
      expect([command.name, help.split('\n').filter((line) => /^\s*[:;!?»]|\u00a0$/.test(line))]).toEqual([command.name, []]);
    }
  });

  const sentence = fc
    .array(fc.constantFrom('mot', 'catégorie', 'identifiant-tres-long-sans-espace', `Id${NBSP}:`, `dire${NBSP}?`, `«${NBSP}nom${NBSP}»`, `a${NBSP};`), {
      minLength: 1,
      maxLength: 20,
    })
    .map((words) => words.join(' '));

  test('at any width, no line starts with a no-break space or with : ; ! ? » after one', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 4, max: 60 }), (text, width) => {
        for (const line of wrap(text, width)) {
          if (/^[\u00a0\u202f:;!?»]/.test(line)) return false;
        }
        return true;
      }),
    );
  });

  test('a no-break space takes one column', () => {
    expect(displayWidth(`Id${NBSP}:`)).toBe(4);
    expect(displayWidth('Id\u202f:')).toBe(4);
  });
});

describe('formatNumber groups whole numbers as Intl.NumberFormat does, without loading its locale data', () => {
  const intl = { fr: new Intl.NumberFormat('fr-CA'), en: new Intl.NumberFormat('en-CA') };
  test.each(['fr', 'en'] as const)('%s: every whole number, at every length and sign', (lang) => {
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 100000, 999999, 1000000, 4194304, Number.MAX_SAFE_INTEGER];
    for (const n of [...samples, ...samples.map((x) => -x)]) expect(formatNumber(lang, n)).toBe(intl[lang].format(n));
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => formatNumber(lang, n) === intl[lang].format(n)),
      { numRuns: 2000 },
    );
  });

  test.each(['fr', 'en'] as const)("%s: any other number is Intl.NumberFormat's", (lang) => {
    for (const n of [1.5, -0.25, 1234.5678, Number.MAX_SAFE_INTEGER + 2, Infinity, NaN]) expect(formatNumber(lang, n)).toBe(intl[lang].format(n));
  });
});
