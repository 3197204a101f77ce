import { loadCatalog } from '../src/catalog/load-catalog';
import type { Service } from '../src/catalog/model';
import { normalizeName } from '../src/catalog/normalize-name';
import { SHORT_NAME_MAX, serviceShortNames } from '../src/present/service-short-names';
import { CATALOG } from './helpers';

const r = loadCatalog(CATALOG);
if (!r.ok) throw new Error('invalid catalogue');
const services = r.catalog.services;

function service(id: string, name: string, name_en: string, abbreviation: string | null = null): Service {
  return {
    id,
    name,
    name_en,
    abbreviation,
    shared_terms: [],
    nicknames: [],
    name_is_descriptive: false,
    category: 'c',
    aliases: [],
    description: { fr: '', en: '' },
    grants: [],
    notes: [],
    sub_applications: [],
  };
}

test.each(['fr', 'en'] as const)('every service of the catalogue gets a short label, none an id, all distinct (%s)', (lang) => {
  const labels = serviceShortNames(services, lang);
  const ids = new Set(services.map((s) => s.id));
  expect(labels.size).toBe(services.length);
  for (const s of services) {
    const label = labels.get(s.id) ?? '';
    expect(label.length).toBeGreaterThan(0);
    expect(label.replace(/…$/, '').length).toBeLessThanOrEqual(SHORT_NAME_MAX);
    expect(ids.has(label)).toBe(false);
    if (s.abbreviation !== null) expect(label).toBe(s.abbreviation);
  }
  expect(new Set([...labels.values()].map(normalizeName)).size).toBe(services.length);
});

test('labels are derived from the name in the page language: whole when short, meaningful words otherwise', () => {
  const fr = serviceShortNames(services, 'fr');
  const en = serviceShortNames(services, 'en');
  expect(fr.get('messagerie-securisee')).toBe('Messagerie sécurisée');
  expect(en.get('messagerie-securisee')).toBe('Secure messaging');
  expect(fr.get('verification-admissibilite')).toBe('Vérification de l’admissibilité');
  expect(fr.get('identification-medecin-famille')).toBe('Identification médecin famille');
  expect(fr.get('etablissements-reseau-sante')).toBe('Établissements réseau santé');
  expect(fr.get('declaration-territoire-pratique')).toBe('Déclaration territoire pratique…');
  expect(en.get('declaration-territoire-pratique')).toBe('Main practice territory declaration');
});

test('a cut label never reads as another service’s name: it takes words until it stands apart', () => {
  const fr = serviceShortNames(services, 'fr');
  expect(fr.get('inscription-clientele-gmf')).toBe('Inscription de la clientèle');
  expect(fr.get('inscription-clientele-professionnels')).toBe('Inscription clientèle professionnels…');
  const twins = [
    service('a', 'Consultation électronique de la liste des médicaments d’exception', 'x'),
    service('b', 'Consultation électronique de la liste des fournisseurs autorisés', 'y'),
  ];
  const labels = serviceShortNames(twins, 'fr');
  expect(labels.get('a')).not.toBe(labels.get('b'));
  expect(labels.get('a')).toMatch(/^Consultation électronique liste médicaments/);
  expect(labels.get('b')).toMatch(/^Consultation électronique liste fournisseurs/);
});

test('labels that cannot be told apart fall back to full names', () => {
  const labels = serviceShortNames([service('a', 'Premier service', 'First', 'SX'), service('b', 'Second service', 'Second', 'SX')], 'fr');
  expect([labels.get('a'), labels.get('b')]).toEqual(['Premier service', 'Second service']);
});

test('a name of filler words only is kept as it is', () => {
  expect(serviceShortNames([service('a', 'De la et du des les aux en pour par sur dans', 'Of the')], 'fr').get('a')).toBe(
    'De la et du des les aux en pour par sur dans',
  );
});
