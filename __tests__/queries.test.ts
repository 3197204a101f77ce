import fs from 'node:fs';
import { parse } from 'yaml';
import { loadCatalog } from '../src/catalog/load-catalog';
import type { Catalog, Note, Service } from '../src/catalog/model';
import { normalizeName } from '../src/catalog/normalize-name';
import { validateCatalogText } from '../src/catalog/validate-catalog';
import { checkAccess, findServices, findWho, notesFor, type Access, type AccessRow } from '../src/query/access';
import { buildMatrix } from '../src/query/build-matrix';
import { indexCatalog } from '../src/query/catalog-index';
import { resolveName } from '../src/query/resolve-name';
import { searchCatalog } from '../src/query/search-catalog';
import { CATALOG, FIXTURES } from './helpers';

/** A made-up catalogue: the shipped one with one service edited. */
function withService(c: Catalog, id: string, edit: (s: Service) => Service): Catalog {
  return { ...c, services: c.services.map((s) => (s.id === id ? edit(s) : s)) };
}

function load(file: string): Catalog {
  const r = loadCatalog(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.catalog;
}

const catalog = load(CATALOG);
const index = indexCatalog(catalog);

function clientele(name: string) {
  const r = resolveName(index, name, ['clientele']);
  if (!r.ok || r.found.kind !== 'clientele') throw new Error(`no clientele ${name}`);
  return r.found.entity;
}
function service(name: string) {
  const r = resolveName(index, name, ['service']);
  if (!r.ok || r.found.kind !== 'service') throw new Error(`no service ${name}`);
  return r.found.entity;
}

describe('normalizeName', () => {
  test.each([
    ['Hygiéniste  dentaire', 'hygieniste dentaire'],
    ['CHIRURGIEN-DENTISTE', 'chirurgien dentiste'],
    ['Plans régionaux d’effectifs médicaux', "plans regionaux d'effectifs medicaux"],
    ['Facturation – Formulaires', 'facturation formulaires'],
    ['  Facturation - formulaires ', 'facturation formulaires'],
  ])('%s -> %s', (input, key) => expect(normalizeName(input)).toBe(key));
});

describe('resolveName', () => {
  test.each([
    ['podiatrist', 'podiatre'],
    ['Podiatre', 'podiatre'],
    ['dental hygienist', 'hygieniste-dentaire'],
    ['hygiéniste dentaire', 'hygieniste-dentaire'],
    ['hygieniste-dentaire', 'hygieniste-dentaire'],
    ['Infirmière praticienne spécialisée', 'ips'],
    ['infirmiere praticienne specialisee', 'ips'],
    ['IPS', 'ips'],
    ['ipspl', 'ips-premiere-ligne'],
    ['Chirurgienne-dentiste', 'chirurgien-dentiste'],
    ['Spécialiste chirurgie buccale et maxillo-faciale', 'specialiste-chirurgie-buccale'],
    ['Développeur de logiciels', 'developpeur-logiciel'],
    ['software developer', 'developpeur-logiciel'],
    ['GP', 'medecin-omnipraticien'],
    ['Médecin omnipraticienne', 'medecin-omnipraticien'],
    ['Personnel administratif de l’audioprothésiste ou de l’oculariste', 'personnel-administratif-audioprothesiste-oculariste'],
  ])('clientele %s -> %s', (input, id) => expect(clientele(input).id).toBe(id));

  test.each([
    ['SELAT', 'selat'],
    ['facturacte', 'facturacte'],
    ['Facturation - Formulaires', 'facturation-formulaires'],
    ["Plans regionaux d'effectifs medicaux", 'prem'],
    ['Service de transfert de de fichiers', 'transfert-fichiers'],
    ["Registre des demandes d'accès anticipées d'aide médicale à mourir", 'registre-demandes-anticipees-amm'],
    ['Mon dossier', 'mon-dossier'],
    ['secure messaging', 'messagerie-securisee'],
  ])('service %s -> %s', (input, id) => expect(service(input).id).toBe(id));

  test('a near miss never resolves, but is suggested', () => {
    const r = resolveName(index, 'podiatr', ['clientele']);
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    expect(!r.ok && r.suggestions[0]?.id).toBe('podiatre');
    const typo = resolveName(index, 'podiatrst', ['clientele']);
    expect(!typo.ok && typo.suggestions[0]?.id).toBe('podiatre');
  });

  test('a bare "infirmière" or "médecin" is ambiguous, with the candidates', () => {
    const nurse = resolveName(index, 'infirmière', ['clientele']);
    expect(nurse).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(!nurse.ok && nurse.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(['ips', 'infirmier-prescripteur']));
    const doctor = resolveName(index, 'médecin', ['clientele']);
    expect(!doctor.ok && doctor.suggestions.map((s) => s.id).sort()).toEqual(['medecin-omnipraticien', 'medecin-resident', 'medecin-specialiste']);
  });

  test('at most five suggestions, and none for gibberish', () => {
    const r = resolveName(index, 'e', ['clientele', 'service']);
    expect(!r.ok && r.suggestions.length).toBeLessThanOrEqual(5);
    const none = resolveName(index, 'zzzzqqqq', ['clientele']);
    expect(none).toMatchObject({ ok: false, reason: 'unknown', suggestions: [] });
  });

  test('a name that is a service for one kind and nothing for the other stays in its kind', () => {
    expect(resolveName(index, 'SELAT', ['clientele']).ok).toBe(false);
    expect(resolveName(index, 'podiatre', ['service']).ok).toBe(false);
  });
});

describe('services, who and can', () => {
  test('a podiatrist gets four services at account creation', () => {
    const r = findServices(index, clientele('podiatrist'));
    expect(r.access.map((a) => [a.service.id, a.tier, a.inherited_from])).toEqual([
      ['messagerie-securisee', 'creation', null],
      ['mon-dossier', 'creation', null],
      ['liste-medicaments', 'creation', null],
      ['patient-medicaments-exception', 'creation', null],
    ]);
  });

  test('who can request SELAT: nine clienteles', () => {
    const r = findWho(index, service('SELAT'), { tier: 'request' });
    expect(r.access).toHaveLength(9);
    expect(r.access.every((a) => a.tier === 'request' && a.inherited_from === null)).toBe(true);
  });

  test('an IPS in primary care inherits every IPS grant, marked, and has two of its own', () => {
    const own = findServices(index, clientele('IPSPL'))
      .access.filter((a) => a.inherited_from === null)
      .map((a) => a.service.id);
    expect(own).toEqual(['gamf', 'inscription-clientele-professionnels']);
    const inherited = findServices(index, clientele('IPSPL')).access.filter((a) => a.inherited_from !== null);
    const ipsOwn = findServices(index, clientele('IPS')).access;
    expect(inherited.map((a) => [a.service.id, a.tier, a.inherited_from])).toEqual(ipsOwn.map((a) => [a.service.id, a.tier, 'ips']));
  });

  test('the audioprosthetist may request Messagerie sécurisée for statements of account only', () => {
    const r = checkAccess(index, clientele('audioprothésiste'), service('messagerie sécurisée'));
    expect(r.eligible).toBe(true);
    expect(r.best?.tier).toBe('request');
    expect(r.best?.conditions.map((c) => c.fr)).toEqual(['accès aux états de compte seulement']);
  });

  test('can with --tier creation says no for a request-only grant', () => {
    expect(checkAccess(index, clientele('personnel administratif'), service('facturacte'), 'creation').eligible).toBe(false);
    expect(checkAccess(index, clientele('personnel administratif'), service('facturacte'), 'request').eligible).toBe(true);
  });

  test('a candidate IPS is not an IPS', () => {
    expect(checkAccess(index, clientele('candidat-ips'), service('messagerie-securisee')).eligible).toBe(false);
  });

  test('category and tier filters', () => {
    const r = findServices(index, clientele('GP'), { category: 'inscription-patients', tier: 'creation' });
    expect(r.access.map((a) => a.service.id)).toEqual(['gamf', 'inscription-clientele-professionnels']);
  });

  // Law: for every clientele and service, `services c` lists s exactly as `who s --expand` lists c: one row, the same grants.
  test('who --expand and services agree over the whole catalogue, one row per pair, at every tier', () => {
    const grants = (a: Access): string => `${a.tier}|${a.inherited_from}|${JSON.stringify(a.conditions)}`;
    const key = (c: string, s: string, a: AccessRow): string => `${c}|${s}|${grants(a)}|${a.also.map(grants).join('+')}`;
    for (const tier of [undefined, 'creation', 'request', 'unspecified'] as const) {
      const fromServices: string[] = [];
      for (const c of catalog.clienteles) for (const a of findServices(index, c, { tier }).access) fromServices.push(key(c.id, a.service.id, a));
      const fromWho: string[] = [];
      for (const s of catalog.services) for (const a of findWho(index, s, { expand: true, tier }).access) fromWho.push(key(a.clientele.id, s.id, a));
      if (tier === undefined) expect(fromServices.length).toBeGreaterThan(116);
      expect(new Set(fromServices).size).toBe(fromServices.length);
      expect([...fromServices].sort()).toEqual([...fromWho].sort());
    }
  });

  test('one row per service: candidat-ips-premiere-ligne reaches inscription-clientele-professionnels by its own creation grant, the request inherited from candidat-ips kept in also', () => {
    const r = findServices(index, clientele('candidat-ips-premiere-ligne'));
    expect(r.access.map((a) => [a.service.id, a.tier, a.inherited_from, a.also.map((x) => [x.tier, x.inherited_from, x.holder.id])])).toEqual([
      ['inscription-clientele-professionnels', 'creation', null, [['request', 'candidat-ips', 'candidat-ips']]],
    ]);
    // The filters apply to grants before grouping.
    expect(
      findServices(index, clientele('candidat-ips-premiere-ligne'), { tier: 'request' }).access.map((a) => [a.tier, a.inherited_from, a.also.length]),
    ).toEqual([['request', 'candidat-ips', 0]]);
    expect(findServices(index, clientele('candidat-ips-premiere-ligne'), { own: true }).access.map((a) => [a.tier, a.inherited_from, a.also.length])).toEqual([
      ['creation', null, 0],
    ]);
    // who --expand: the clientele once, in the creation tier.
    const who = findWho(index, service('inscription-clientele-professionnels'), { expand: true }).access;
    expect(who.filter((a) => a.clientele.id === 'candidat-ips-premiere-ligne').map((a) => [a.tier, a.also.map((x) => x.tier)])).toEqual([
      ['creation', ['request']],
    ]);
    // Every service and who row of the whole catalogue is one pair.
    for (const c of catalog.clienteles) {
      const ids = findServices(index, c).access.map((a) => a.service.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const s of catalog.services) {
      const ids = findWho(index, s, { expand: true }).access.map((a) => a.clientele.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test('the best grant is the strongest tier, whoever holds it; on a tie the own grant, then the nearest ancestor', () => {
    // A made-up catalogue: the specialisation's own grant is weaker than its parent's.
    const special = catalog.clienteles.find((c) => c.id === 'ips-premiere-ligne')!;
    const gamf = catalog.services.find((s) => s.id === 'gamf')!;
    const edited = withService(catalog, 'gamf', (s) => ({
      ...s,
      grants: [
        ...s.grants.map((g) => (g.clientele === 'ips-premiere-ligne' ? { ...g, tier: 'request' as const } : g)),
        { clientele: 'ips', tier: 'creation', conditions: [] },
      ],
    }));
    const small = indexCatalog(edited);
    const row = findServices(small, special).access.find((a) => a.service.id === gamf.id)!;
    expect([row.tier, row.inherited_from, row.also.map((a) => [a.tier, a.inherited_from])]).toEqual(['creation', 'ips', [['request', null]]]);
    expect(checkAccess(small, special, small.serviceById.get('gamf')!).best).toMatchObject({ tier: 'creation', inherited_from: 'ips' });
    expect(
      buildMatrix(small).rows.find((r) => r.clientele.id === special.id)!.cells[small.catalog.services.indexOf(small.serviceById.get('gamf')!)]![0],
    ).toMatchObject({
      tier: 'creation',
      inherited_from: 'ips',
    });
  });

  test('who without --expand lists exactly the grants of the catalogue, in source order within a tier', () => {
    for (const s of catalog.services) {
      const who = findWho(index, s).access;
      expect(who.map((a) => a.clientele.id).sort()).toEqual(s.grants.map((g) => g.clientele).sort());
      expect(who.every((a) => a.inherited_from === null)).toBe(true);
    }
  });

  // Independent recomputation from the raw YAML: `can` says yes exactly for a grant of the clientele or an ancestor.
  test('can is right for every clientele x service pair', () => {
    const raw = parse(fs.readFileSync(CATALOG, 'utf8')) as {
      clienteles: { id: string; parent?: string }[];
      services: { id: string; grants: { clientele: string; tier: string }[] }[];
    };
    const parent = new Map(raw.clienteles.map((c) => [c.id, c.parent]));
    let pairs = 0;
    for (const c of raw.clienteles) {
      const chain: string[] = [];
      for (let id: string | undefined = c.id; id !== undefined; id = parent.get(id)) chain.push(id);
      for (const s of raw.services) {
        const expected = s.grants.filter((g) => chain.includes(g.clientele));
        const r = checkAccess(index, index.clienteleById.get(c.id)!, index.serviceById.get(s.id)!);
        expect([c.id, s.id, r.eligible]).toEqual([c.id, s.id, expected.length > 0]);
        expect(r.access.map((a) => a.tier).sort()).toEqual(expected.map((g) => g.tier).sort());
        for (const tier of ['creation', 'request', 'unspecified'] as const) {
          expect(checkAccess(index, index.clienteleById.get(c.id)!, index.serviceById.get(s.id)!, tier).eligible).toBe(expected.some((g) => g.tier === tier));
        }
        pairs++;
      }
    }
    expect(pairs).toBe(29 * 23);
  });
});

describe('the notes that bear on an answer', () => {
  test('a note linked to a clientele concerns its specialisations, not its parent; a general note only when it says how access is obtained', () => {
    // A made-up catalogue: GAMF gets a note about IPS, one about the IPS in primary care, and two general ones.
    const note = (kind: Note['kind'], clienteles: string[], fr: string): Note => ({ kind, clienteles, fr, en: fr });
    const edited = withService(catalog, 'gamf', (s) => ({
      ...s,
      notes: [
        note('usage', ['ips'], 'about IPS'),
        note('usage', ['ips-premiere-ligne'], 'about IPSPL'),
        note('usage', [], 'general usage'),
        note('channel', [], 'general channel'),
      ],
    }));
    const small = indexCatalog(edited);
    const gamf = small.serviceById.get('gamf')!;
    const texts = (id: string): string[] => notesFor(small, small.clienteleById.get(id)!, gamf).map((n) => n.fr);
    expect(texts('ips-premiere-ligne')).toEqual(['about IPS', 'about IPSPL', 'general channel']);
    expect(texts('ips')).toEqual(['about IPS', 'general channel']);
    expect(texts('podiatre')).toEqual(['general channel']);
    expect(checkAccess(small, small.clienteleById.get('ips-sante-mentale')!, gamf).notes.map((n) => n.fr)).toEqual(['about IPS', 'general channel']);
  });

  test('holders are the grants of the service, by tier, at the tier asked when one is', () => {
    const r = checkAccess(index, clientele('podiatre'), service('SELAT'));
    expect(r.eligible).toBe(false);
    expect(r.holders.map((a) => [a.clientele.id, a.tier, a.inherited_from])).toEqual(service('SELAT').grants.map((g) => [g.clientele, g.tier, null]));
    expect(checkAccess(index, clientele('podiatre'), service('SELAT'), 'creation').holders).toEqual([]);
    expect(checkAccess(index, clientele('podiatre'), service('identification-medecin-famille')).holders).toEqual([]);
  });
});

describe('matrix and search', () => {
  test('the matrix has a cell per clientele and service, matching can', () => {
    const m = buildMatrix(index);
    expect(m.rows).toHaveLength(29);
    for (const row of m.rows) {
      row.cells.forEach((cell, i) => expect(cell.length > 0).toBe(checkAccess(index, row.clientele, m.services[i]!).eligible));
    }
    expect(buildMatrix(index, 'medicaments').services.map((s) => s.id)).toEqual(['liste-medicaments', 'patient-medicaments-exception']);
  });

  test('search is accent-insensitive and ranks name matches first', () => {
    const r = searchCatalog(index, 'medicaments exception');
    expect(r.hits[0]?.found.entity.id).toBe('patient-medicaments-exception');
    expect(searchCatalog(index, 'délégué').hits.map((h) => h.found.entity.id)).toEqual(expect.arrayContaining(['messagerie-securisee', 'mon-dossier']));
    expect(searchCatalog(index, 'DELEGUE').hits.map((h) => h.found.entity.id)).toEqual(searchCatalog(index, 'délégué').hits.map((h) => h.found.entity.id));
    expect(searchCatalog(index, 'developpeur').hits.map((h) => h.found.entity.id)).toContain('identification-medecin-famille');
    expect(searchCatalog(index, '').hits).toEqual([]);
  });
});

describe('on a small fixture', () => {
  const text = fs.readFileSync(`${FIXTURES}/valid/minimal.yaml`, 'utf8');
  const r = validateCatalogText(text, 'minimal.yaml');
  const small = r.ok ? indexCatalog(r.catalog) : null;

  test('grants flow down to the specialisation only', () => {
    expect(small).not.toBeNull();
    const nurse = small!.clienteleById.get('nurse')!;
    const special = small!.clienteleById.get('nurse-special')!;
    expect(checkAccess(small!, special, small!.serviceById.get('mail')!)).toMatchObject({
      eligible: true,
      best: { inherited_from: 'nurse', tier: 'creation' },
    });
    expect(checkAccess(small!, nurse, small!.serviceById.get('files')!).eligible).toBe(false);
  });
});
