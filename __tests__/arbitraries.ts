/** fast-check generators of valid catalogues and of meaning-preserving rewrites of their YAML. */
import fc from 'fast-check';
import { Document, isMap, isScalar, isSeq, parseDocument, type Pair, type Scalar } from 'yaml';
import type { Catalog, Tier } from '../src/catalog/model';

const TIER_VALUES: Tier[] = ['creation', 'request', 'unspecified'];
const KINDS = ['profession', 'staff', 'organisation', 'role'] as const;
const NOTE_KINDS = ['delegation', 'obtaining', 'channel', 'usage', 'naming'] as const;

// Words that need quoting in YAML or carry accents, so that formatting is exercised.
const word = fc.constantFrom('accès', 'états', 'compte', 'seulement', 'oui: non', '#tag', "l'équipe", 'yes', 'null', '123', 'a - b', '"cité"', 'Île', 'x');
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const bilingual = fc.record({ fr: text, en: text });

/** A valid catalogue: ids unique, names distinct, parents acyclic, grants on distinct existing clienteles. */
export const catalogArb: fc.Arbitrary<Catalog> = fc
  .record({
    categories: fc.integer({ min: 1, max: 3 }),
    clienteles: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        parent: fc.option(fc.nat(), { nil: null }),
        description: fc.option(bilingual, { nil: null }),
        aliases: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    services: fc.array(
      fc.record({
        category: fc.nat(),
        abbreviation: fc.boolean(),
        description: bilingual,
        grants: fc.array(fc.record({ clientele: fc.nat(), tier: fc.constantFrom(...TIER_VALUES), conditions: fc.array(bilingual, { maxLength: 2 }) }), {
          maxLength: 5,
        }),
        notes: fc.array(fc.record({ kind: fc.constantFrom(...NOTE_KINDS), clienteles: fc.array(fc.nat(), { maxLength: 3 }), fr: text, en: text }), {
          maxLength: 2,
        }),
        subApps: fc.array(fc.record({ name_en: text, description: bilingual }), { maxLength: 2 }),
        descriptive: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    ids: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 14, maxLength: 14 }),
  })
  .map(({ categories, clienteles, services, ids }) => {
    const cid = (i: number) => `c${ids[i % ids.length]}`;
    const catalog: Catalog = {
      version: 1,
      source: { title: 'Page', publisher: 'Éditeur', url: null, checked: null, sha256: null, etag: null, last_modified: null },
      categories: Array.from({ length: categories }, (_, i) => ({ id: `cat-${i}`, name: `Catégorie ${i}`, name_en: `Category ${i}` })),
      clienteles: clienteles.map((c, i) => ({
        id: cid(i),
        name: `Clientèle ${cid(i)}`,
        name_en: `Clientele ${cid(i)}`,
        kind: c.kind,
        parent: c.parent === null || i === 0 ? null : cid(c.parent % i),
        description: c.description,
        forms: [],
        aliases: Array.from({ length: c.aliases }, (_, k) => `Autre ${cid(i)} ${k}`),
        terms_en: [],
        abbreviations: [],
        job_titles: [],
        shared_terms: [],
        nicknames: [],
        notes: [],
      })),
      services: services.map((s, i) => {
        const seen = new Set<string>();
        const grants = s.grants
          .map((g) => ({ clientele: cid(g.clientele % clienteles.length), tier: g.tier, conditions: g.conditions }))
          .filter((g) => !seen.has(g.clientele) && seen.add(g.clientele));
        return {
          id: `s-${i}`,
          name: `Service ${i}`,
          name_is_descriptive: s.descriptive,
          name_en: `Service en ${i}`,
          abbreviation: s.abbreviation ? `SRV${i}` : null,
          category: `cat-${s.category % categories}`,
          aliases: [],
          shared_terms: [],
          nicknames: [],
          description: s.description,
          grants,
          // A note concerns distinct existing clienteles.
          notes: s.notes.map((n) => ({ ...n, clienteles: [...new Set(n.clienteles.map((k) => cid(k % clienteles.length)))] })),
          sub_applications: s.subApps.map((a, k) => ({ name: `Application ${i}.${k}`, name_en: a.name_en, description: a.description })),
        };
      }),
    };
    return catalog;
  });

/** The catalogue as YAML, in the layout catalog.yaml uses (the optional field written only when true, parent, description and the source's record only when set). */
export function catalogToYaml(catalog: Catalog): string {
  const plain = {
    version: catalog.version,
    // The record of the last check is written only when there is one, as in catalog.yaml.
    source: Object.fromEntries(Object.entries(catalog.source).filter(([, v]) => v !== null)),
    categories: catalog.categories,
    clienteles: catalog.clienteles.map((c) => {
      const { parent, description, ...rest } = c;
      return { ...rest, ...(parent === null ? {} : { parent }), ...(description === null ? {} : { description }) };
    }),
    services: catalog.services.map((s) => {
      const { name_is_descriptive, ...rest } = s;
      return name_is_descriptive ? { ...rest, name_is_descriptive } : rest;
    }),
  };
  return new Document(plain).toString({ lineWidth: 0 });
}

/** How to rewrite a catalogue's YAML without changing its meaning. */
export interface Rewrite {
  seed: number;
  quote: 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';
  flow: boolean;
  comments: boolean;
  blank: boolean;
}

/** A rewrite that keeps the meaning: shuffled keys, other quoting, flow or block collections, blank lines and comments. */
export const rewriteArb: fc.Arbitrary<Rewrite> = fc.record({
  seed: fc.integer(),
  quote: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'),
  flow: fc.boolean(),
  comments: fc.boolean(),
  blank: fc.boolean(),
});

/** Applies a rewrite to catalogue YAML; returns the new text and the comments it added. */
export function rewriteYaml(yamlText: string, r: Rewrite): { text: string; comments: string[] } {
  const d = parseDocument(yamlText);
  let state = r.seed;
  const rand = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const comments: string[] = [];
  let n = 0;
  const visit = (node: unknown, depth: number): void => {
    if (isScalar(node)) {
      if (typeof node.value === 'string') node.type = r.quote as Scalar.Type;
      return;
    }
    if (isMap(node)) {
      for (let i = node.items.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [node.items[i], node.items[j]] = [node.items[j] as Pair, node.items[i] as Pair];
      }
      if (r.flow && depth >= 3) node.flow = true;
      for (const pair of node.items) {
        if (r.comments && depth <= 2 && rand() < 0.3 && isScalar(pair.key)) {
          const c = ` note ${n++}`;
          pair.key.commentBefore = c;
          comments.push(c);
        }
        if (r.blank && rand() < 0.3 && isScalar(pair.key)) pair.key.spaceBefore = true;
        visit(pair.key, depth + 1);
        visit(pair.value, depth + 1);
      }
      return;
    }
    if (isSeq(node)) {
      if (r.flow && depth >= 4) node.flow = true;
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(d.contents, 0);
  return { text: d.toString({ lineWidth: 0 }), comments };
}
