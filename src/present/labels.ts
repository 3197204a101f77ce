import type { ProblemCode } from '../catalog/problem';
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

const PROBLEM_LABELS = {
  FILE_UNREADABLE: { fr: 'Le fichier ne peut pas être lu.', en: 'The file cannot be read.' },
  FILE_TOO_LARGE: { fr: 'Le fichier dépasse la taille permise pour un catalogue.', en: 'The file is larger than a catalogue may be.' },
  NOT_UTF8: { fr: "Le fichier n'est pas du texte UTF-8 valide.", en: 'The file is not valid UTF-8 text.' },
  BINARY_FILE: { fr: 'Le fichier est binaire (il contient un octet NUL).', en: 'The file is binary (it holds a NUL byte).' },
  EMPTY_DOCUMENT: { fr: 'Le fichier ne contient aucun document YAML.', en: 'The file holds no YAML document.' },
  MULTIPLE_DOCUMENTS: { fr: 'Le fichier contient plusieurs documents YAML.', en: 'The file holds several YAML documents.' },
  YAML_SYNTAX: { fr: 'Erreur de syntaxe YAML.', en: 'YAML syntax error.' },
  YAML_TAB: { fr: 'Une tabulation sert de retrait.', en: 'A tab is used for indentation.' },
  DUPLICATE_KEY: { fr: 'Une clé est répétée dans un même objet.', en: 'A key is repeated in one mapping.' },
  ALIAS_LIMIT: { fr: 'Les alias YAML se développent trop.', en: 'YAML aliases expand too much.' },
  NESTING_LIMIT: { fr: 'Les valeurs sont imbriquées trop profondément.', en: 'Values nest too deeply.' },
  SCHEMA: { fr: 'Une valeur ne respecte pas le schéma du catalogue.', en: 'A value does not follow the catalogue schema.' },
  DUPLICATE_ID: { fr: 'Un identifiant est utilisé plus d’une fois.', en: 'An id is used more than once.' },
  UNKNOWN_CATEGORY: { fr: "Un service nomme une catégorie qui n'existe pas.", en: 'A service names a category that does not exist.' },
  UNKNOWN_CLIENTELE: { fr: "Un accès nomme une clientèle qui n'existe pas.", en: 'A grant names a clientele that does not exist.' },
  UNKNOWN_PARENT: { fr: "Une clientèle a pour parent une clientèle qui n'existe pas.", en: 'A clientele names a parent that does not exist.' },
  PARENT_CYCLE: { fr: 'Les parents de clientèles forment un cycle.', en: 'Clientele parents form a cycle.' },
  DUPLICATE_GRANT: { fr: 'Un service donne accès deux fois à la même clientèle.', en: 'A service grants the same clientele twice.' },
  NAME_COLLISION: { fr: 'Deux entrées répondent au même nom.', en: 'Two entries answer to the same name.' },
  EMPTY_NAME: { fr: "Un nom n'a ni lettre ni chiffre.", en: 'A name has no letter or digit.' },
} as const satisfies Record<ProblemCode, Record<Lang, string>>;

/** What a kind of problem is, in one sentence (SARIF's rule descriptions). */
export function problemLabel(code: ProblemCode, lang: Lang): string {
  return PROBLEM_LABELS[code][lang];
}

/** Looks up a word with placeholders (`{n}`) and fills them in. */
export function wordWith(key: WordKey, lang: Lang, values: Readonly<Record<string, string | number>>): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
