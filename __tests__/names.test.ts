/**
 * Names as people give them. Over the whole catalogue: every exact form of a
 * name (the page's list items and headings, "Name (ABBR)", plurals, ASCII
 * punctuation, upper case) resolves to its entity; one-edit typos and words
 * in the wrong order put the intended entity first for at least 95 % of them
 * and among the suggestions for all; words that name several things list
 * every candidate and never resolve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog';
import type { Catalog, Condition } from '../src/catalog/model';
import { normalizeName } from '../src/catalog/normalize-name';
import { indexCatalog, type CatalogIndex } from '../src/query/catalog-index';
import { entitiesOf, MAX_NAME_LENGTH, namesOf, resolveName, type Entity, type EntityKind, type Resolution } from '../src/query/resolve-name';
import { CATALOG, ROOT } from './helpers';

function loadShipped(): Catalog {
  const result = loadCatalog(CATALOG);
  if (!result.ok) throw new Error('shipped catalogue is invalid');
  return result.catalog;
}

const catalog = loadShipped();
const index: CatalogIndex = indexCatalog(catalog);
const KINDS: readonly EntityKind[] = ['service', 'clientele', 'category'];

/** What a resolution names, as "kind:id" (or "-" when it did not resolve), and the condition it carried. */
function outcome(r: Resolution): { named: string; condition: Condition | null } {
  return r.ok ? { named: `${r.found.kind}:${r.found.entity.id}`, condition: r.condition } : { named: '-', condition: null };
}

const tag = (found: Entity): string => `${found.kind}:${found.entity.id}`;

// Plurals written here independently of src/query/inflect.ts, as people write them: in French, each
// alternative's head noun and the adjectives after it ("Infirmiers praticiens spécialisés ou infirmières
// praticiennes spécialisées en soins de première ligne"); in English, the noun before the first preposition.
const STOP = /^(?:de|des|du|en|à|au|aux|avec|pour|hors|sur|[dl][’'].*)$/i;
function frenchWord(word: string): string {
  if (/[sxz]$/i.test(word) || !/^[\p{L}-]{2,}$/u.test(word) || /^[A-Z]+$/.test(word)) return word;
  return /al$/.test(word) ? `${word.slice(0, -2)}aux` : /(eau|eu|au)$/.test(word) ? `${word}x` : `${word}s`;
}
function frenchPlural(name: string): string {
  let head = true;
  return name
    .split(' ')
    .map((w) => {
      if (/^(?:ou|et)$/.test(w)) {
        head = true;
        return w;
      }
      if (STOP.test(w)) head = false;
      return head ? frenchWord(w) : w;
    })
    .join(' ');
}
function englishPlural(name: string): string {
  const words = name.split(' ');
  const stop = words.findIndex((w, i) => i > 0 && /^(?:of|for|in|with|and|or)$/.test(w));
  const at = stop === -1 ? words.length - 1 : stop - 1;
  const w = words[at]!;
  if (/[–()]/.test(w)) return name;
  words[at] = /(s|x|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;
  return words.join(' ');
}
const ascii = (s: string): string =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\u00a0/g, ' ');

describe('every exact form of every name resolves to its entity', () => {
  const cases: [string, string, string][] = [];
  for (const found of entitiesOf(index)) {
    if (found.kind === 'category') continue;
    const e = found.entity;
    const forms = [e.name, e.name_en, ...(found.kind === 'clientele' ? [...found.entity.forms, ...found.entity.aliases] : found.entity.aliases)];
    for (const name of forms) {
      cases.push([tag(found), 'upper case', name.toUpperCase()]);
      cases.push([tag(found), 'ASCII punctuation', ascii(name)]);
    }
    cases.push([tag(found), 'French plural', frenchPlural(e.name)]);
    cases.push([tag(found), 'English plural', englishPlural(e.name_en)]);
    if (found.kind === 'service') {
      const s = found.entity;
      if (s.abbreviation !== null) {
        cases.push([tag(found), 'Name (ABBR)', `${s.name} (${s.abbreviation})`]);
        cases.push([tag(found), 'English name (ABBR)', `${s.name_en} (${s.abbreviation})`]);
        cases.push([tag(found), 'ABBR (Name)', `${s.abbreviation} (${s.name})`]);
        cases.push([tag(found), 'Name (ABBR), ASCII', ascii(`${s.name} (${s.abbreviation})`)]);
      }
      cases.push([tag(found), 'heading', `Qui a accès au service en ligne ${s.name}?`]);
      cases.push([tag(found), 'heading', `Qui a accès à ${s.name} ?`]);
    }
  }
  test.each(cases)('%s: %s: %s', (expected, _form, input) => {
    expect(outcome(resolveName(index, input, KINDS)).named).toBe(expected);
  });
});

describe('the page, pasted', () => {
  const source = fs.readFileSync(path.join(ROOT, '__tests__', 'fixtures', 'source', 'liste-des-services-en-ligne.txt'), 'utf8');
  const lines = source.split('\n').map((l) => l.trim());
  const headings = lines.filter((l) => l.startsWith('Qui a accès'));
  test('the page has its 22 access headings', () => expect(headings).toHaveLength(22));
  test.each(headings)('heading %s names one service', (heading) => {
    const r = resolveName(index, heading, ['service']);
    expect({ heading, ok: r.ok }).toEqual({ heading, ok: true });
  });

  // Every list item under a heading: a clientele, with the condition in parentheses when it has one.
  const items: string[] = [];
  let inList = false;
  for (const l of lines) {
    if (l.startsWith('Qui a accès')) inList = true;
    else if (inList && l.startsWith('- ')) items.push(l.slice(2));
    else if (inList && !l.startsWith('Clientèles qui')) inList = false;
  }
  test('the page lists 116 items', () => expect(items).toHaveLength(116));
  test.each([...new Set(items)])('list item %s names one clientele', (item) => {
    const r = resolveName(index, item, ['clientele']);
    expect({ item, ok: r.ok }).toEqual({ item, ok: true });
    const paren = /\(([^()]+)\)$/.exec(item)?.[1];
    const gmf = /membre d.un GMF$/.test(item) ? 'membre d’un GMF' : undefined;
    const condition = paren ?? gmf;
    if (condition !== undefined && r.ok) expect(r.condition?.fr).toBe(condition);
  });
});

describe('a clientele with one of its own grant conditions', () => {
  const cases: [string, string, string][] = [];
  for (const s of catalog.services) {
    for (const g of s.grants) {
      const c = index.clienteleById.get(g.clientele)!;
      for (const cond of g.conditions) {
        cases.push([c.id, cond.fr, `${c.name} (${cond.fr})`]);
        cases.push([c.id, cond.fr, `${c.name} ${cond.fr}`]);
        cases.push([c.id, cond.fr, `${c.name_en} (${cond.en})`]);
        cases.push([c.id, cond.fr, `${c.name.toUpperCase()} (${ascii(cond.fr)})`]);
      }
    }
  }
  test.each(cases)('%s with «%s»: %s', (id, fr, input) => {
    const r = resolveName(index, input, ['clientele']);
    expect(outcome(r)).toEqual({ named: `clientele:${id}`, condition: expect.objectContaining({ fr }) });
  });

  test("a condition that is not the clientele's own does not resolve", () => {
    // Podiatre has no grant with this condition: no answer, only suggestions.
    expect(resolveName(index, 'Podiatre (accès aux états de compte seulement)', ['clientele']).ok).toBe(false);
    expect(resolveName(index, "Pharmacien membre d'un GMF", ['clientele']).ok).toBe(false);
  });
});

describe('words that name several things', () => {
  test.each([
    ['secrétaire', ['personnel-administratif', 'personnel-administratif-audioprothesiste-oculariste', 'personnel-etablissements']],
    ['MD', ['medecin-resident', 'medecin-omnipraticien', 'medecin-specialiste']],
    ['médecin', ['medecin-resident', 'medecin-omnipraticien', 'medecin-specialiste']],
    ['médecins', ['medecin-resident', 'medecin-omnipraticien', 'medecin-specialiste']],
    ['nurse', ['infirmier-prescripteur', 'ips', 'ips-premiere-ligne', 'ips-sante-mentale', 'candidat-ips', 'candidat-ips-premiere-ligne']],
  ])('%s lists every candidate and does not resolve', (word, ids) => {
    const r = resolveName(index, word, ['clientele']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('ambiguous');
    expect(r.suggestions.map((s) => s.id).sort()).toEqual([...ids].sort());
  });

  test('GMF is no clientele: as a clientele it lists the general practitioner first, then the GMF service, as it does for any kind', () => {
    const asClientele = resolveName(index, 'GMF', ['clientele']);
    expect(asClientele.ok || asClientele.reason).toBe('ambiguous');
    if (!asClientele.ok) expect(asClientele.suggestions.map((s) => s.id)).toEqual(['medecin-omnipraticien', 'inscription-clientele-gmf']);
    const any = resolveName(index, 'GMF', KINDS);
    expect(any.ok || any.reason).toBe('ambiguous');
    // Issue 31: ROSEH's condition speaks of the GMF programme (the words of the texts count as readings too), and
    // GAMF is one letter from GMF (a typo of a name is a reading).
    if (!any.ok) expect(any.suggestions.map((s) => s.id).sort()).toEqual(['gamf', 'inscription-clientele-gmf', 'medecin-omnipraticien', 'roseh']);
  });

  test('dentiste names one clientele', () => {
    expect(outcome(resolveName(index, 'dentiste', ['clientele'])).named).toBe('clientele:chirurgien-dentiste');
    expect(outcome(resolveName(index, 'dentistes', ['clientele'])).named).toBe('clientele:chirurgien-dentiste');
  });
});

// A small deterministic generator (mulberry32), so that the measurement is the same on every run.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One-edit typos of a name (a deletion, an insertion, a substitution, a transposition, each at random places) and its words in the wrong order. */
function variantsOf(name: string, next: () => number, perKind: number): { kind: string; text: string }[] {
  const out: { kind: string; text: string }[] = [];
  const at = (n: number): number => Math.floor(next() * n);
  const letter = (): string => LETTERS[at(LETTERS.length)]!;
  for (let k = 0; k < perKind; k++) {
    if (name.length > 1) {
      const i = at(name.length);
      out.push({ kind: 'deletion', text: name.slice(0, i) + name.slice(i + 1) });
    }
    const j = at(name.length + 1);
    out.push({ kind: 'insertion', text: name.slice(0, j) + letter() + name.slice(j) });
    const s = at(name.length);
    const c = letter();
    if (c !== name[s]?.toLowerCase()) out.push({ kind: 'substitution', text: name.slice(0, s) + c + name.slice(s + 1) });
    if (name.length > 1) {
      const t = at(name.length - 1);
      if (name[t] !== name[t + 1]) out.push({ kind: 'transposition', text: name.slice(0, t) + name[t + 1] + name[t] + name.slice(t + 2) });
    }
  }
  const words = name.split(' ');
  if (words.length > 1) {
    out.push({ kind: 'word order', text: [...words].reverse().join(' ') });
    out.push({ kind: 'word order', text: [words[1], words[0], ...words.slice(2)].join(' ') });
  }
  return out;
}

/** The typo measurement: every name, alias, abbreviation and English term of every service and clientele. */
export function measureSuggestions(
  idx: CatalogIndex,
  perKind = 3,
  seed = 12,
): { total: number; first: number; listed: number; misses: string[]; skipped: number } {
  const next = random(seed);
  // A variant that is itself a name of another entity is not a typo of this one.
  const exactOwner = new Map<string, string>();
  for (const found of entitiesOf(idx)) {
    for (const n of namesOf(found)) exactOwner.set(normalizeName(n), tag(found));
    // A word several things share ("GMF") is no typo of another name ("GAMF") either.
    if (found.kind !== 'category') for (const n of found.entity.shared_terms) exactOwner.set(normalizeName(n), 'shared');
  }
  let total = 0;
  let first = 0;
  let listed = 0;
  let skipped = 0;
  const misses: string[] = [];
  for (const found of entitiesOf(idx)) {
    if (found.kind === 'category') continue;
    const intended = tag(found);
    for (const name of new Set(namesOf(found))) {
      for (const v of variantsOf(name, next, perKind)) {
        const owner = exactOwner.get(normalizeName(v.text));
        const r = resolveName(idx, v.text, ['service', 'clientele']);
        // Another entry's name, exactly or in one of its readings ("gPS" is GPs, general practitioners), is no typo of this one.
        if ((owner !== undefined && owner !== intended) || (r.ok && r.by_words === null && tag(r.found) !== intended)) {
          skipped++;
          continue;
        }
        total++;
        // A typo read as another entry is a wrong answer, not a variant to skip: it counts as a miss.
        const ranked = r.ok ? [tag(r.found)] : r.suggestions.map((s) => `${s.kind}:${s.id}`);
        if (ranked[0] === intended) first++;
        if (ranked.includes(intended)) listed++;
        else misses.push(`${intended} <- ${v.kind} "${v.text}" (got ${ranked.join(', ') || 'nothing'})`);
      }
    }
  }
  return { total, first, listed, misses, skipped };
}

test('one-edit typos and wrong word orders: the intended name first for at least 95 %, and listed for all', () => {
  const m = measureSuggestions(index);
  if (process.env['SHOW_FIGURES']) {
    process.stdout.write(
      `typos: ${m.total} measured (${m.skipped} skipped, another entity's name), first ${m.first} (${((100 * m.first) / m.total).toFixed(1)} %), listed ${m.listed} (${((100 * m.listed) / m.total).toFixed(1)} %)\n`,
    );
  }
  expect(m.total).toBeGreaterThan(2000);
  expect(m.misses).toEqual([]);
  expect(m.first / m.total).toBeGreaterThanOrEqual(0.95);
}, 120_000);

describe('a name too long to be one', () => {
  test('every exact form in the catalogue fits the limit', () => {
    const forms: string[] = [];
    for (const found of entitiesOf(index)) for (const n of namesOf(found)) forms.push(n, `Qui a accès au service en ligne ${n} ?`);
    for (const s of catalog.services) {
      for (const g of s.grants) {
        const c = index.clienteleById.get(g.clientele)!;
        for (const cond of g.conditions) for (const n of [c.name, c.name_en, ...c.forms, ...c.aliases]) forms.push(`${n} (${cond.fr})`, `${n} (${cond.en})`);
      }
    }
    const longest = forms.reduce((a, b) => (b.length > a.length ? b : a));
    expect(longest.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
  });

  test('past the limit, no look-up: refused at once, with no suggestion', () => {
    const r = resolveName(index, 'podiatre '.repeat(10_000), ['clientele']);
    expect(r).toEqual(expect.objectContaining({ ok: false, reason: 'too-long', suggestions: [] }));
    expect(resolveName(index, 'a'.repeat(MAX_NAME_LENGTH), ['clientele']).ok).toBe(false);
    expect(resolveName(index, 'a'.repeat(MAX_NAME_LENGTH), ['clientele'])).toEqual(expect.objectContaining({ reason: 'unknown' }));
  });
});
