/**
 * Issue 22: a batch answers once per entry, not once per spelling. Its lines are resolved one by one,
 * the JSON of an answer is made once for each key of what it depends on (the entries named, the
 * condition a name carried) and each line gets it with the reading of its own names in its place. The
 * safety property: every line is, byte for byte, what the single question's --json answer is, compacted
 * (and an error line is its error with the line's number).
 */
import fc from 'fast-check';
import { loadCatalog } from '../src/catalog/load-catalog';
import { messagesFor } from '../src/present/messages/messages';
import { servicesToJson, whoToJson } from '../src/present/present-access';
import { presentBatch } from '../src/present/present-batch';
import { questionErrorJson } from '../src/present/present-question-error';
import { stringifyJson } from '../src/present/sanitize';
import { badQuestion, resolveCan, resolveServices, resolveWho, type Answer, type Resolved } from '../src/query/ask';
import type { WhoResult } from '../src/query/access';
import { indexCatalog } from '../src/query/catalog-index';
import { CATALOG, runCli } from './helpers';

const loaded = loadCatalog(CATALOG);
if (!loaded.ok) throw new Error('shipped catalogue is invalid');
const catalog = loaded.catalog;
const index = indexCatalog(catalog);

// What people type: every name of every entry, a clientele's label with one of its own grant conditions
// (the answer then carries named_condition), names read by their words (read_as), unknown, ambiguous
// and cut-off names, names of the other kind, and blank ones.
const CLIENTELE_NAMES = catalog.clienteles.flatMap((c) => [c.id, c.name, c.name_en, ...c.forms, ...c.aliases, ...c.terms_en, ...c.abbreviations]);
/** A clientele's label with one of its own grant conditions (the answer's named_condition), and the label alone. */
const CONDITION_NAMES = catalog.services.flatMap((s) =>
  s.grants.flatMap((g) => {
    const label = index.clienteleById.get(g.clientele)!.name;
    return g.conditions.flatMap((k) => [`${label} (${k.fr})`, label]);
  }),
);
const SERVICE_NAMES = catalog.services.flatMap((s) => [
  s.id,
  s.name,
  s.name_en,
  ...(s.abbreviation === null ? [] : [s.abbreviation, `${s.name} (${s.abbreviation})`]),
  ...s.aliases,
]);
/** Names read by their words: the answer's read_as says how (a mixed case makes some of them unknown, which is fine). */
const CLIENTELE_WORDS = ['infirmière avec droit de prescrire', 'pharmacien(ne)', 'centre de réadaptation en déficience physique'];
const SERVICE_WORDS = ['messagerie', 'aide médicale à mourir', 'Gestion des consultations', 'Rechercher une personne assurée', 'transfert de fichiers'];
const OTHER_NAMES = ['ghost', 'podiatr', 'médecin', 'consultations', 'personnel', 'secrétaire', '', '   ', 'x'.repeat(301)];

const ACCENTED: Readonly<Record<string, string>> = { a: 'à', e: 'é', i: 'î', o: 'ô', u: 'ù', c: 'ç' };

/** A name respelt as people type it: case, accents dropped or added, spaces, dashes, a final question mark. */
function spellingOf(names: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({
      name: fc.constantFrom(...names),
      letters: fc.constantFrom('as-is', 'lower', 'upper', 'title', 'mixed'),
      flips: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      accents: fc.constantFrom('as-is', 'dropped', 'added'),
      space: fc.constantFrom('', ' ', '  '),
      dash: fc.constantFrom(null, ' ', '‐', '_'),
      end: fc.constantFrom('', ' ', '?', ' ?'),
    })
    .map(({ name, letters, flips, accents, space, dash, end }) => {
      let s = name;
      if (letters === 'lower') s = s.toLowerCase();
      else if (letters === 'upper') s = s.toUpperCase();
      else if (letters === 'title') s = s.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
      else if (letters === 'mixed') s = [...s].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
      if (accents === 'dropped') s = s.normalize('NFD').replace(/\p{M}+/gu, '');
      else if (accents === 'added') s = s.replace(/[aeiouc]/g, (ch, i: number) => (flips[i % flips.length] ? (ACCENTED[ch] ?? ch) : ch));
      if (dash !== null) s = s.replace(/-/g, dash);
      return `${space}${s}${end}`;
    });
}

const clientele = fc.oneof(
  { weight: 4, arbitrary: spellingOf(CLIENTELE_NAMES) },
  { weight: 3, arbitrary: spellingOf(CONDITION_NAMES) },
  { weight: 2, arbitrary: spellingOf(CLIENTELE_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER_NAMES, 'SELAT', 'messagerie sécurisée', 'IPS santé mentale') },
);
const service = fc.oneof(
  { weight: 4, arbitrary: spellingOf(SERVICE_NAMES) },
  { weight: 2, arbitrary: spellingOf(SERVICE_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER_NAMES, 'podiatre', 'IPS', 'Qui a accès au service en ligne SELAT ?') },
);

/** A batch: a few distinct lines, then an order that repeats some of them. */
function batchOf(line: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  return fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { minLength: 1, maxLength: 16 }))
    .map(([distinct, order]) => order.map((i) => distinct[i % distinct.length]!));
}

const canLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(clientele, service).map(([c, s]) => `${c}\t${s}`) },
  // The names the other way round (WRONG_ORDER), one column, three columns.
  { weight: 1, arbitrary: fc.tuple(service, clientele).map(([s, c]) => `${s}\t${c}`) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      clientele,
      fc.tuple(clientele, service, service).map((t) => t.join('\t')),
    ),
  },
);

const tier = fc.option(fc.constantFrom('creation', 'request', 'unspecified'), { nil: undefined });
const lang = fc.constantFrom('fr', 'en');

/** A line of NDJSON for a document, as the batch writes it. */
function compact(document: unknown): string {
  return `${stringifyJson(document)}\n`;
}

/** The line a batch must write for the question a line asks: the single question's --json answer, compacted, or its error with the line's number. */
async function expectedLine(command: 'services' | 'who' | 'can', line: string, n: number, options: readonly string[], language: string): Promise<string> {
  const words = command === 'can' ? line.split('\t') : [line];
  const blank = words.some((w) => w.trim() === '');
  if (command === 'can' && (words.length !== 2 || blank)) {
    const { code, message, ...rest } = questionErrorJson(badQuestion(line, null).error, messagesFor(language === 'en' ? 'en' : 'fr'));
    return compact({ command, error: { code, message, line: n, ...rest } });
  }
  const single = await runCli([command, ...words, ...options, '--lang', language, '--json']);
  const document = JSON.parse(single.stdout) as Record<string, unknown>;
  if (!('error' in document)) return compact(document);
  const { code, message, ...rest } = document['error'] as Record<string, unknown>;
  return compact({ command, error: { code, message, line: n, ...rest } });
}

async function checkBatch(command: 'services' | 'who' | 'can', lines: readonly string[], options: readonly string[], language: string): Promise<void> {
  const batch = await runCli([command, '--batch', ...options, '--lang', language], {}, false, lines.map((l) => `${l}\n`).join(''));
  const got = batch.stdout.split(/(?<=\n)/);
  const expected = await Promise.all(lines.map((l, i) => expectedLine(command, l, i + 1, options, language)));
  expect(got).toEqual(expected);
  expect(batch.code).toBe(expected.some((l) => l.includes('"error":{')) ? 2 : 0);
}

describe('property: every batch line is the single question’s --json answer, byte for byte', () => {
  test('services, with --tier, --category and --own', async () => {
    const category = fc.option(fc.constantFrom(...catalog.categories.map((c) => c.id), 'Médicaments'), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(batchOf(clientele), tier, category, fc.boolean(), lang, async (lines, t, c, own, language) => {
        const options = [...(t ? ['--tier', t] : []), ...(c ? ['--category', c] : []), ...(own ? ['--own'] : [])];
        await checkBatch('services', lines, options, language);
      }),
      { numRuns: 30 },
    );
  });

  test('who, with --tier and --expand', async () => {
    await fc.assert(
      fc.asyncProperty(batchOf(service), tier, fc.boolean(), lang, async (lines, t, expand, language) => {
        await checkBatch('who', lines, [...(t ? ['--tier', t] : []), ...(expand ? ['--expand'] : [])], language);
      }),
      { numRuns: 30 },
    );
  });

  test('can, with --tier', async () => {
    await fc.assert(
      fc.asyncProperty(batchOf(canLine), tier, lang, async (lines, t, language) => {
        await checkBatch('can', lines, t ? ['--tier', t] : [], language);
      }),
      { numRuns: 30 },
    );
  });

  test('a batch of every kind of line at once, each kind of name read by its words among them', async () => {
    // The entry's own name first: the answer's JSON is made from it, and the readings by words are written into it.
    const lines = [
      'MESSAGERIE SÉCURISÉE',
      'messagerie',
      'messagerie',
      'Messagerie securisee ?',
      'secure messaging',
      'Gestion des consultations',
      'ghost',
      'podiatre',
      '',
      'messagerie-securisee',
      'Gestion des consultations',
    ];
    await checkBatch('who', lines, [], 'fr');
    await checkBatch('who', lines, ['--expand', '--tier', 'creation'], 'en');
    await checkBatch(
      'services',
      [
        'Pharmacien',
        'Audioprothésiste (accès aux états de compte seulement)',
        'audioprothesiste',
        'AUDIOPROTHÉSISTE (accès aux états de compte seulement)',
        'pharmacien(ne)',
        'Pharmacien',
      ],
      [],
      'fr',
    );
    await checkBatch(
      'can',
      [
        'ips-sante-mentale\tMessagerie sécurisée',
        'IPS santé mentale\tmessagerie',
        'SELAT\tpodiatre',
        'SELAT\tPME',
        'podiatre',
        'podiatre\tSELAT\tx',
        'IPS santé mentale\tmessagerie',
      ],
      [],
      'fr',
    );
  });
});

/** A presenter's NDJSON for lines, with a toJson that counts its calls. */
function presentLines<R>(
  resolve: (line: string) => Answer<Resolved<R>>,
  toJson: (r: R) => unknown,
  lines: readonly string[],
  limits?: { answerBytes: number; lineBytes: number },
): { text: string; calls: number; cachedBytes: number } {
  let calls = 0;
  const counted = (r: R): unknown => {
    calls++;
    return toJson(r);
  };
  const presenter = presentBatch('who', resolve, counted, messagesFor('fr'), limits);
  const text = lines.map((l) => Buffer.from(presenter.answer({ text: l })).toString('utf8')).join('');
  return { text, calls, cachedBytes: presenter.cachedBytes() };
}

describe('the JSON of an answer is made once per entry', () => {
  const who = (line: string): Answer<Resolved<WhoResult>> => resolveWho(index, line, {});

  test('ten spellings of one service, names and readings by words alike: toJson is called once, and every line is its own answer', () => {
    const lines = [
      'messagerie-securisee',
      'Messagerie sécurisée',
      'MESSAGERIE SECURISEE',
      'messagerie  sécurisée ?',
      'Secure messaging',
      'secure-messaging',
      'messagerie',
      'Messagerie',
      '  messagerie sécurisée',
      'messagerie_sécurisée',
    ];
    const { text, calls } = presentLines(who, whoToJson, lines);
    expect(calls).toBe(1);
    // Each line as the question alone answers it: its own read_as ("messagerie" was read by its words), the rest the same.
    const alone = lines.map((l) => {
      const question = who(l);
      if (!question.ok) throw new Error(`${l} does not resolve`);
      return compact(whoToJson(question.result.answer()));
    });
    expect(text).toBe(alone.join(''));
    expect(alone.filter((l) => l.includes('"read_as":[]'))).toHaveLength(8);
  });

  test('a clientele with and without the condition its name carries: two answers, each made once', () => {
    const lines = [
      'audioprothésiste',
      'Audioprothésiste (accès aux états de compte seulement)',
      'AUDIOPROTHESISTE',
      'audioprothésiste (accès aux états de compte seulement)',
    ];
    const { text, calls } = presentLines((l) => resolveServices(index, l, {}), servicesToJson, lines);
    expect(calls).toBe(2);
    const conditions = text
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { named_condition: unknown }).named_condition !== null);
    expect(conditions).toEqual([false, true, false, true]);
  });

  test('the same pair of can, spelt in many ways, is one answer', () => {
    const lines = ['podiatre\tSELAT', 'Podiatre\tselat', 'PODIATRIST\tSELAT ?', 'podiatres\tselat', ' podiatre\tSELAT'];
    const { calls } = presentLines(
      (l) => resolveCan(index, l.split('\t')[0]!, l.split('\t')[1]!, {}),
      (r) => r,
      lines,
    );
    expect(calls).toBe(1);
  });
});

describe('the caches of a batch stay within their limits, and what they hold never changes a line', () => {
  const line = fc.oneof(service, fc.string({ maxLength: 12 }));

  test('property: with no cache, a small one or the usual one, the same bytes', () => {
    fc.assert(
      fc.property(batchOf(line), fc.nat({ max: 20_000 }), fc.nat({ max: 20_000 }), (lines, answerBytes, lineBytes) => {
        const resolve = (l: string): Answer<Resolved<WhoResult>> => resolveWho(index, l, { expand: true });
        const usual = presentLines(resolve, whoToJson, lines);
        const none = presentLines(resolve, whoToJson, lines, { answerBytes: 0, lineBytes: 0 });
        const small = presentLines(resolve, whoToJson, lines, { answerBytes, lineBytes });
        expect(none.text).toBe(usual.text);
        expect(small.text).toBe(usual.text);
        expect(none.cachedBytes).toBe(0);
        expect(small.cachedBytes).toBeLessThanOrEqual(answerBytes + lineBytes);
      }),
      { numRuns: 60 },
    );
  });

  test('many distinct lines, answers and junk, fill the caches to their limits and no further', () => {
    const lines = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0 ? `${i % 3 === 0 ? 'SELAT' : 'selat'}${' '.repeat(i % 7)}${i % 5 === 0 ? '?' : ''}${'\u00a0'.repeat(i % 11)}` : `junk ${i}`,
    );
    const limited = presentLines((l) => resolveWho(index, l, {}), whoToJson, lines, { answerBytes: 50_000, lineBytes: 20_000 });
    expect(limited.cachedBytes).toBeGreaterThan(0);
    expect(limited.cachedBytes).toBeLessThanOrEqual(70_000);
    expect(limited.text).toBe(presentLines((l) => resolveWho(index, l, {}), whoToJson, lines).text);
  });
});
