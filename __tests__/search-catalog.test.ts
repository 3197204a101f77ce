/** search: word families, ranking (exact > family > prefix; name > description > notes), the words it reports, and the prepared index. */
import type { Catalog, Note, Service } from '../src/catalog/model';
import { loadCatalog } from '../src/catalog/load-catalog';
import { noteKindLabels } from '../src/present/labels';
import { indexCatalog } from '../src/query/catalog-index';
import { computeSearchIndex, primeSearchIndex, searchCatalog, type SearchResult } from '../src/query/search-catalog';
import { CATALOG, collapseSpace, runCli } from './helpers';

function service(id: string, fields: { name?: string; description?: string; notes?: readonly Note[]; condition?: string } = {}): Service {
  return {
    id,
    name: fields.name ?? `Service ${id}`,
    name_is_descriptive: false,
    name_en: `Service ${id}`,
    abbreviation: null,
    category: 'admin',
    aliases: [],
    shared_terms: [],
    nicknames: [],
    description: { fr: fields.description ?? 'Rien.', en: 'Nothing.' },
    grants: [{ clientele: 'clerk', tier: 'creation', conditions: fields.condition === undefined ? [] : [{ fr: fields.condition, en: '' }] }],
    notes: fields.notes ?? [],
    sub_applications: [],
  };
}

function catalogOf(services: readonly Service[]): Catalog {
  return {
    version: 1,
    source: { title: 'Test', publisher: 'Test', url: null, checked: null, sha256: null, etag: null, last_modified: null },
    categories: [{ id: 'admin', name: 'Administration', name_en: 'Administration' }],
    clienteles: [
      {
        id: 'clerk',
        name: 'Commis',
        name_en: 'Clerk',
        kind: 'staff',
        parent: null,
        description: null,
        forms: [],
        aliases: [],
        terms_en: [],
        abbreviations: [],
        job_titles: [],
        shared_terms: [],
        nicknames: [],
        notes: [],
      },
    ],
    services,
  };
}

const note = (fr: string, kind: Note['kind'] = 'usage'): Note => ({ kind, clienteles: [], fr, en: '' });
const ids = (r: SearchResult): string[] => r.hits.map((h) => h.found.entity.id);

describe('how a word is found ranks the hit: the word itself, then its family, then a word it begins', () => {
  // the same field (the description) in each service, so only the kind of match differs
  const index = indexCatalog(
    catalogOf([
      // ids in the reverse order of the ranks, so that a tie (sorted by id) cannot pass for a rank
      service('a-prefix', { description: 'Ils délégueraient tout.' }),
      service('b-family', { description: 'Un accès délégué.' }),
      service('c-exact', { description: 'Déléguer son accès.' }),
      service('d-none', { description: 'Déléguant rien.' }),
    ]),
  );

  test('exact > family > prefix, and each says how it was found', () => {
    const r = searchCatalog(index, 'deleguer');
    expect(ids(r)).toEqual(['c-exact', 'b-family', 'a-prefix']);
    expect(r.hits.map((h) => h.score)).toEqual([6, 4, 2]);
    expect(r.hits.map((h) => h.matches.map((m) => [m.how, m.field, m.text]))).toEqual([
      [['exact', 'description', 'Déléguer']],
      [['family', 'description', 'délégué']],
      [['prefix', 'description', 'délégueraient']],
    ]);
  });
});

describe('where a word is found ranks the hit: name, then description, then notes and conditions', () => {
  const index = indexCatalog(
    catalogOf([
      service('a-in-notes', { notes: [note('Facturer ici.')] }),
      service('b-in-description', { description: 'Facturer ici.' }),
      service('a-in-condition', { condition: 'Facturer seulement.' }),
      service('c-in-name', { name: 'Facturer' }),
    ]),
  );

  test('for the same kind of match', () => {
    const r = searchCatalog(index, 'facturer');
    expect(ids(r)).toEqual(['c-in-name', 'b-in-description', 'a-in-condition', 'a-in-notes']);
    expect(r.hits.map((h) => h.fields)).toEqual([['name'], ['description'], ['conditions'], ['notes']]);
    expect(r.hits.map((h) => h.score)).toEqual([12, 6, 3, 3]);
  });

  test('a family match in a name still beats the word itself in a note', () => {
    const r = searchCatalog(
      indexCatalog(catalogOf([service('note', { notes: [note('Facturation.')] }), service('name', { name: 'Factures' })])),
      'facturation',
    );
    expect(ids(r)).toEqual(['name', 'note']);
    expect(r.hits.map((h) => h.matches[0]?.how)).toEqual(['family', 'exact']);
  });

  test('every word must be found; each reports its own best match', () => {
    const catalog = catalogOf([service('both', { name: 'Vérification', notes: [note('Les inscrits.')] }), service('one', { name: 'Vérification' })]);
    const r = searchCatalog(indexCatalog(catalog), 'verifier inscription');
    expect(ids(r)).toEqual(['both']);
    expect(r.hits[0]?.matches).toEqual([
      { word: 'verifier', how: 'family', field: 'name', text: 'Vérification' },
      { word: 'inscription', how: 'family', field: 'notes', text: 'inscrits' },
    ]);
  });
});

describe('notes are found by their kind, in the languages given', () => {
  const index = indexCatalog(catalogOf([service('team', { notes: [note('On peut y former des équipes de travail.', 'delegation')] }), service('other')]));

  test('the kind itself, then its labels in French and English', () => {
    expect(ids(searchCatalog(index, 'délégation'))).toEqual(['team']);
    expect(ids(searchCatalog(index, 'canal'))).toEqual([]);
    expect(ids(searchCatalog(index, 'déléguer', noteKindLabels()))).toEqual(['team']);
    const usage = indexCatalog(catalogOf([service('guide', { notes: [note('Un guide est offert.', 'usage')] })]));
    expect(searchCatalog(usage, 'utilisation', noteKindLabels()).hits[0]?.matches[0]).toEqual({
      word: 'utilisation',
      how: 'exact',
      field: 'notes',
      text: 'utilisation',
    });
    expect(ids(searchCatalog(usage, 'utilisation'))).toEqual([]);
  });
});

describe('on the shipped catalogue', () => {
  const loaded = loadCatalog(CATALOG);
  if (!loaded.ok) throw new Error('the shipped catalogue is invalid');
  const index = indexCatalog(loaded.catalog);
  const found = (query: string): string[] => ids(searchCatalog(index, query, noteKindLabels()));
  const delegation = ['messagerie-securisee', 'mon-dossier', 'patient-medicaments-exception'];

  test.each(['délégation', 'déléguer', 'délégué', 'DELEGUEE', 'délègue', 'delegate', 'delegation', 'delegated', 'delegating'])(
    '%s finds the services whose notes speak of delegation',
    (query) => {
      expect(found(query)).toEqual(expect.arrayContaining(delegation));
    },
  );

  test('word families in both languages find the same services', () => {
    expect(found('inscrire')).toEqual(expect.arrayContaining(['gamf', 'inscription-clientele-professionnels']));
    expect(found('facturer')).toEqual(expect.arrayContaining(['facturacte', 'facturation-formulaires']));
    expect(found('vérifier')).toContain('verification-admissibilite');
    expect(found('verify')).toContain('verification-admissibilite');
    expect(found('médicament')).toEqual(expect.arrayContaining(['liste-medicaments', 'patient-medicaments-exception']));
  });

  test('the pharmacist is not in the family of the pharmacy', () => {
    const r = searchCatalog(index, 'pharmacies', noteKindLabels());
    expect(r.hits.find((h) => h.found.entity.id === 'pharmacien')).toBeUndefined();
    expect(searchCatalog(index, 'pharmacienne', noteKindLabels()).hits[0]?.found.entity.id).toBe('pharmacien');
  });

  test('the index the build stores gives the very answers of the one built at run time', () => {
    const primed = indexCatalog(structuredClone(loaded.catalog));
    primeSearchIndex(primed, computeSearchIndex(index, noteKindLabels()), noteKindLabels);
    for (const query of ['délégation', 'aide', 'medicaments exception', 'pharmacie', 'inscrits', 'x']) {
      expect(JSON.stringify(searchCatalog(primed, query, noteKindLabels()))).toBe(JSON.stringify(searchCatalog(index, query, noteKindLabels())));
    }
  });

  test('an index primed with other labels is not used for these', () => {
    const primed = indexCatalog(structuredClone(loaded.catalog));
    primeSearchIndex(primed, computeSearchIndex(index, noteKindLabels()), noteKindLabels);
    // "canal" is only the French name of the channel notes' kind
    expect(ids(searchCatalog(primed, 'canal'))).toEqual([]);
    expect(ids(searchCatalog(primed, 'canal', noteKindLabels())).length).toBeGreaterThan(0);
  });
});

describe('through the CLI, in French and in English', () => {
  const delegation = ['messagerie-securisee', 'mon-dossier', 'patient-medicaments-exception'];

  test.each([
    ['délégation', 'fr_CA.UTF-8', ['Messagerie sécurisée', 'Mon dossier', 'Patient et médicaments d’exception (PME)'], 'notes'],
    ['déléguer', 'fr_CA.UTF-8', ['Messagerie sécurisée', 'Mon dossier', 'Patient et médicaments d’exception (PME)'], 'notes'],
    ['delegate', 'fr_CA.UTF-8', ['Messagerie sécurisée', 'Mon dossier', 'Patient et médicaments d’exception (PME)'], 'notes'],
    ['délégation', 'en_CA.UTF-8', ['Secure messaging', 'My file', 'Patient and exception drugs (PME)'], 'notes'],
    ['déléguer', 'en_CA.UTF-8', ['Secure messaging', 'My file', 'Patient and exception drugs (PME)'], 'notes'],
    ['delegate', 'en_CA.UTF-8', ['Secure messaging', 'My file', 'Patient and exception drugs (PME)'], 'notes'],
  ])('search %s (LANG=%s) lists the services whose notes speak of delegation', async (word, lang, names, field) => {
    const out = await runCli(['search', word], { LANG: lang });
    expect([out.code, out.stderr]).toEqual([0, '']);
    const text = collapseSpace(out.stdout);
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain(field);
  });

  test.each([
    ['délégation', 'exact', 'délégation'],
    ['deleguer', 'family', 'délégué'],
    ['delegate', 'family', 'délégué'],
    ['delegated', 'exact', 'delegated'],
  ])('search %s --json: the services, and how the word was found in their notes', async (word, how, text) => {
    const out = await runCli(['search', word, '--json']);
    expect(out.code).toBe(0);
    const doc = JSON.parse(out.stdout) as { query: string[]; results: { id: string; matches: { how: string; field: string; text: string }[] }[] };
    expect(doc.results.map((r) => r.id)).toEqual(expect.arrayContaining(delegation));
    const secure = doc.results.find((r) => r.id === 'messagerie-securisee');
    expect(secure?.matches).toEqual([{ word: doc.query[0], how, field: 'notes', text }]);
  });

  test('the same words and ranks in either language of the interface', async () => {
    const fr = JSON.parse((await runCli(['search', 'déléguer', '--json'])).stdout);
    const en = JSON.parse((await runCli(['search', 'déléguer', '--json'], { LANG: 'en_CA.UTF-8' })).stdout);
    expect(fr.results.length).toBeGreaterThanOrEqual(3);
    expect(en).toEqual(fr);
  });
});
