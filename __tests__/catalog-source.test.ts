/**
 * Cross-checks catalog.yaml against the source page in ../shared/seeds/ through
 * `check-source`: every list item of every "Qui a accès" list must be a grant of
 * the right service, tier and condition, and every grant must come from one
 * such item, so that an edit can neither drop nor invent a fact. The facts the
 * lists do not carry (the unnamed service, notes, nesting) are checked here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog';
import type { Catalog, Tier } from '../src/catalog/model';
import { readAccessLists, readSourcePage } from '../src/page/source-page';
import { indexCatalog } from '../src/query/catalog-index';
import { CATALOG, ROOT, runCli } from './helpers';

// A copy of the page travels with the repository so that the check runs anywhere; when the
// workplace's shared/seeds/ sits beside the clone, the copy must still match it.
const SOURCE_COPY = path.join(ROOT, '__tests__', 'fixtures', 'source', 'liste-des-services-en-ligne.txt');
const SEEDS = path.join(ROOT, '..', 'shared', 'seeds');

function loadShipped(): Catalog {
  const result = loadCatalog(CATALOG);
  if (!result.ok) throw new Error('shipped catalogue is invalid');
  return result.catalog;
}

function readSource(): string {
  return fs.readFileSync(SOURCE_COPY, 'utf8');
}

const seedsAvailable = fs.existsSync(SEEDS);
(seedsAvailable ? test : test.skip)('the repository copy of the page matches shared/seeds/', () => {
  const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  expect(files).toHaveLength(1);
  expect(fs.readFileSync(path.join(SEEDS, files[0]!), 'utf8')).toBe(readSource());
});

/** Every item of every "Qui a accès" list of the page, with the list's heading, as check-source reads them. */
function readItems(): { heading: string; text: string; tier: Tier; line: number }[] {
  return readAccessLists(readSourcePage(readSource())).flatMap((list) => list.items.map((item) => ({ heading: list.heading, ...item })));
}

// The source writes two conditions inside list items; everything else in an item is the clientele's name.
function splitItem(text: string): { name: string; condition: string | null } {
  const paren = /^(.*) \((.*)\)$/.exec(text);
  if (paren) return { name: paren[1]!, condition: paren[2]! };
  const gmf = /^(.*) (membre d’un GMF)$/.exec(text);
  if (gmf) return { name: gmf[1]!, condition: gmf[2]! };
  return { name: text, condition: null };
}

describe('catalog.yaml against the source page', () => {
  const catalog = loadShipped();
  const index = indexCatalog(catalog);
  const items = readItems();

  test('check-source on the shipped copy: every one of the 116 list items is one grant of the right service, tier and condition, and every grant one item', async () => {
    const out = await runCli(['check-source', SOURCE_COPY, '--catalog', CATALOG, '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    const report = JSON.parse(out.stdout) as { agrees: boolean; counts: Record<string, number>; findings: unknown[] };
    // No item unmatched, none matching a grant of another tier or condition, no grant unlisted or listed twice: one to one.
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({ lists: 22, items: 116, matched: 116, findings: 0, applicable: 0, unranked: 0 });
    expect(items).toHaveLength(116);
    expect(catalog.services.reduce((n, s) => n + s.grants.length, 0)).toBe(116);
  });

  test('the catalogue records that it was checked against this very copy', async () => {
    const report = JSON.parse((await runCli(['check-source', SOURCE_COPY, '--json'])).stdout) as {
      recorded: { sha256: string | null; same_text: boolean | null };
    };
    expect(catalog.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.recorded.same_text).toBe(true);
  });

  test('every list item names the clientele with one of its recorded names, verbatim', () => {
    const missing = items.map((item) => splitItem(item.text).name).filter((name) => !catalog.clienteles.some((c) => [c.name, ...c.aliases].includes(name)));
    expect([...new Set(missing)]).toEqual([]);
  });

  test('23 services: 22 named in the source, one described without a name or a list', () => {
    expect(catalog.services).toHaveLength(23);
    const unnamed = catalog.services.filter((s) => s.name_is_descriptive);
    expect(unnamed.map((s) => s.id)).toEqual(['identification-medecin-famille']);
    expect(unnamed[0]!.grants).toEqual([]);
    expect(unnamed[0]!.notes.map((n) => n.kind)).toContain('channel');
  });

  test('eleven services give a plain list, and none of their grants is promoted', () => {
    const plain = catalog.services.filter((s) => s.grants.length > 0 && s.grants.every((g) => g.tier === 'unspecified'));
    expect(plain).toHaveLength(11);
    const tiers = catalog.services.flatMap((s) => s.grants.map((g) => g.tier));
    expect({
      creation: tiers.filter((t) => t === 'creation').length,
      request: tiers.filter((t) => t === 'request').length,
      unspecified: tiers.filter((t) => t === 'unspecified').length,
    }).toEqual({
      creation: 75,
      request: 23,
      unspecified: 18,
    });
  });

  test('the page itself gives the tiers the catalogue counts', () => {
    expect({
      creation: items.filter((i) => i.tier === 'creation').length,
      request: items.filter((i) => i.tier === 'request').length,
      unspecified: items.filter((i) => i.tier === 'unspecified').length,
    }).toEqual({ creation: 75, request: 23, unspecified: 18 });
    expect(new Set(items.map((i) => i.heading)).size).toBe(22);
  });

  test('official service names appear verbatim in the source (or correct a typo kept as an alias)', () => {
    const source = readSource().toLowerCase();
    const absent = catalog.services.filter((s) => !s.name_is_descriptive && !source.includes(s.name.toLowerCase())).map((s) => s.name);
    // "Service de transfert de de fichiers" in the source: the name drops the doubled "de", the alias keeps it.
    expect(absent).toEqual(['Service de transfert de fichiers']);
    expect(source).toContain(index.serviceById.get('transfert-fichiers')!.aliases[0]!.toLowerCase());
  });

  test('conditions and notes the prose gives are kept', () => {
    const service = (id: string) => index.serviceById.get(id)!;
    const formulaires = service('facturation-formulaires');
    expect(formulaires.grants).toHaveLength(5);
    for (const g of formulaires.grants) expect(g.conditions.map((c) => c.fr).join()).toMatch(/Établissements du réseau de la santé/);
    expect(service('roseh').grants[0]!.conditions[0]!.fr).toMatch(/Programme de financement et de soutien professionnel/);
    expect(service('messagerie-securisee').notes.some((n) => n.kind === 'delegation' && /oculariste/.test(n.fr))).toBe(true);
    expect(service('mon-dossier').notes.some((n) => n.kind === 'delegation')).toBe(true);
    expect(service('procreation-medicalement-assistee').notes.some((n) => n.kind === 'obtaining' && /CPA/.test(n.fr))).toBe(true);
    expect(service('directives-medicales-anticipees').notes.some((n) => n.kind === 'obtaining' && /représentant/.test(n.fr))).toBe(true);
    expect(service('inscription-clientele-gmf').notes.some((n) => /médecin responsable/.test(n.fr))).toBe(true);
    expect(service('selat').sub_applications.map((a) => a.name)).toEqual(['Mon dossier', 'Rechercher une personne assurée', 'Saisir une nouvelle demande']);
    expect(service('inscription-clientele-professionnels').sub_applications.map((a) => a.name)).toEqual(['Gestion des consultations']);
  });

  // A link says whom a note is about, read from the prose; notes on designated representatives, channels and names concern everyone.
  test('notes concern the clienteles the prose speaks of, and no others', () => {
    const links = catalog.services.flatMap((s) => s.notes.filter((n) => n.clienteles.length > 0).map((n) => [s.id, n.kind, [...n.clienteles].sort()]));
    expect(links).toEqual([
      [
        'messagerie-securisee',
        'delegation',
        ['audioprothesiste', 'oculariste', 'personnel-administratif', 'personnel-administratif-audioprothesiste-oculariste'],
      ],
      ['mon-dossier', 'delegation', ['personnel-administratif']],
      ['facturacte', 'obtaining', ['personnel-administratif']],
      ['verification-admissibilite', 'obtaining', ['developpeur-logiciel', 'personnel-administratif']],
      ['gamf', 'obtaining', ['personnel-administratif']],
      ['identification-medecin-famille', 'usage', ['personnel-administratif', 'personnel-etablissements', 'pharmacien']],
      ['inscription-clientele-professionnels', 'obtaining', ['personnel-administratif']],
    ]);
    // Only through a developer's product: that is how everyone reaches the unnamed service.
    expect(index.serviceById.get('identification-medecin-famille')!.notes.find((n) => n.kind === 'channel')!.clienteles).toEqual([]);
  });

  test('clienteles nest where the source nests them, and only there', () => {
    const parents = Object.fromEntries(catalog.clienteles.filter((c) => c.parent !== null).map((c) => [c.id, c.parent]));
    expect(parents).toEqual({ 'ips-premiere-ligne': 'ips', 'ips-sante-mentale': 'ips', 'candidat-ips-premiere-ligne': 'candidat-ips' });
  });
});
