import type { ClienteleKind, NoteKind, Tier } from '../catalog/model';
import type { Lang } from './options';

const TIER_LABELS = {
  creation: { fr: 'à la création du compte', en: 'at account creation' },
  request: { fr: 'sur demande', en: 'on request' },
  unspecified: { fr: 'listé, sans précision', en: 'listed, tier not stated' },
} as const satisfies Record<Tier, Record<Lang, string>>;

/** How a tier reads in a sentence or a table cell. */
export function tierLabel(tier: Tier, lang: Lang): string {
  return TIER_LABELS[tier][lang];
}

const TIER_SYMBOLS = {
  creation: 'C',
  request: 'R',
  unspecified: 'L',
} as const satisfies Record<Tier, string>;

/** One-letter key of a tier in the matrix (lower case when the grant is inherited). */
export function tierSymbol(tier: Tier): string {
  return TIER_SYMBOLS[tier];
}

const KIND_LABELS = {
  profession: { fr: 'profession', en: 'profession' },
  staff: { fr: 'personnel', en: 'staff' },
  organisation: { fr: 'organisation', en: 'organisation' },
  role: { fr: 'rôle', en: 'role' },
} as const satisfies Record<ClienteleKind, Record<Lang, string>>;

/** How a clientele kind reads. */
export function kindLabel(kind: ClienteleKind, lang: Lang): string {
  return KIND_LABELS[kind][lang];
}

const NOTE_LABELS = {
  delegation: { fr: 'délégation', en: 'delegation' },
  obtaining: { fr: "obtenir l'accès", en: 'obtaining access' },
  channel: { fr: 'canal', en: 'channel' },
  usage: { fr: 'utilisation', en: 'usage' },
  naming: { fr: 'nom', en: 'name' },
} as const satisfies Record<NoteKind, Record<Lang, string>>;

/** How a note kind reads. */
export function noteLabel(kind: NoteKind, lang: Lang): string {
  return NOTE_LABELS[kind][lang];
}

const WORDS = {
  service: { fr: 'Service', en: 'Service' },
  services: { fr: 'Services', en: 'Services' },
  clientele: { fr: 'Clientèle', en: 'Clientele' },
  clienteles: { fr: 'Clientèles', en: 'Clienteles' },
  category: { fr: 'Catégorie', en: 'Category' },
  categories: { fr: 'Catégories', en: 'Categories' },
  access: { fr: 'Accès', en: 'Access' },
  conditions: { fr: 'Conditions', en: 'Conditions' },
  inheritedFrom: { fr: 'hérité de', en: 'inherited from' },
  none: { fr: 'aucun', en: 'none' },
  noService: { fr: 'Aucun service ne correspond.', en: 'No service matches.' },
  noClientele: { fr: 'Aucune clientèle ne correspond.', en: 'No clientele matches.' },
  noGrant: { fr: "La source ne donne aucune liste d'accès pour ce service.", en: 'The source gives no access list for this service.' },
  yes: { fr: 'Oui', en: 'Yes' },
  no: { fr: 'Non', en: 'No' },
  id: { fr: 'Id', en: 'Id' },
  name: { fr: 'Nom', en: 'Name' },
  nameEn: { fr: 'Nom anglais', en: 'English name' },
  abbreviation: { fr: 'Sigle', en: 'Abbreviation' },
  kind: { fr: 'Type', en: 'Kind' },
  parent: { fr: 'Parent', en: 'Parent' },
  children: { fr: 'Spécialisations', en: 'Specialisations' },
  aliases: { fr: 'Autres noms', en: 'Other names' },
  description: { fr: 'Description', en: 'Description' },
  notes: { fr: 'Notes', en: 'Notes' },
  subApplications: { fr: 'Applications incluses (pas des services distincts)', en: 'Applications inside it (not services of their own)' },
  descriptiveName: { fr: 'nom descriptif : la source ne nomme pas ce service', en: 'descriptive name: the source does not name this service' },
  legend: { fr: 'Légende', en: 'Legend' },
  matches: { fr: 'Trouvé dans', en: 'Found in' },
  noMatch: { fr: 'Aucun résultat.', en: 'No match.' },
  kindService: { fr: 'service', en: 'service' },
  kindClientele: { fr: 'clientèle', en: 'clientele' },
  kindCategory: { fr: 'catégorie', en: 'category' },
  fieldName: { fr: 'nom', en: 'name' },
  fieldDescription: { fr: 'description', en: 'description' },
  fieldNotes: { fr: 'notes', en: 'notes' },
  fieldSubApplications: { fr: 'applications incluses', en: 'sub-applications' },
  fieldConditions: { fr: 'conditions', en: 'conditions' },
  fieldLabel: { fr: '{label} : ', en: '{label}: ' },
  conditionRef: { fr: 'voir condition {n}', en: 'see condition {n}' },
  conditionNote: { fr: 'Condition {n} : ', en: 'Condition {n}: ' },
  legendInherited: { fr: "hérité d'une clientèle parente", en: 'inherited from a parent clientele' },
  legendConditions: { fr: 'avec conditions (voir who SERVICE)', en: 'with conditions (see who SERVICE)' },
  legendNoAccess: { fr: 'aucun accès', en: 'no access' },
  legendColumns: { fr: 'Colonnes', en: 'Columns' },
} as const satisfies Record<string, Record<Lang, string>>;

/** A fixed word or sentence of the interface. */
export type WordKey = keyof typeof WORDS;

/** Looks up a fixed word or sentence of the interface in a language. */
export function word(key: WordKey, lang: Lang): string {
  return WORDS[key][lang];
}

/** Looks up a word with placeholders (`{n}`) and fills them in. */
export function wordWith(key: WordKey, lang: Lang, values: Readonly<Record<string, string | number>>): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
