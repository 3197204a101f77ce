/** How a clientele gets a service: at account creation, on request, or in a plain list that does not say. */
export type Tier = 'creation' | 'request' | 'unspecified';

/** Every tier, strongest first: the order used to sort and to pick a best grant. */
export const TIERS = Object.freeze(['creation', 'request', 'unspecified'] as const) satisfies readonly Tier[];

/** A text the project writes in both languages (descriptions, notes, conditions). */
export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

/** A limit on one grant, such as "statements of account only". */
export type Condition = Bilingual;

/** What a note is about. */
export type NoteKind = 'delegation' | 'obtaining' | 'channel' | 'usage' | 'naming';

/** Something the source says about a service beyond its access lists. */
export interface Note extends Bilingual {
  readonly kind: NoteKind;
  /**
   * Ids of the clienteles the note concerns (and, through them, their specialisations); empty when it
   * concerns the service in general. A link is never access: only grants give access.
   */
  readonly clienteles: readonly string[];
}

/** A heading of the source page that services stand under. */
export interface Category {
  readonly id: string;
  readonly name: string;
  readonly name_en: string;
}

/** What sort of group a clientele is. */
export type ClienteleKind = 'profession' | 'staff' | 'organisation' | 'role';

/** A group the source grants access to. */
export interface Clientele {
  readonly id: string;
  readonly name: string;
  readonly name_en: string;
  readonly kind: ClienteleKind;
  readonly parent: string | null;
  readonly description: Bilingual | null;
  readonly forms: readonly string[];
  readonly aliases: readonly string[];
  readonly terms_en: readonly string[];
  readonly abbreviations: readonly string[];
  /**
   * Job titles and specialties of people who belong to the group, in French and English, as people call themselves
   * (réceptionniste, medical secretary, psychiatre): words to find the group by, never a name of it and never access.
   * A job title never resolves: one the group alone has offers it first, one several groups have lists them all.
   */
  readonly job_titles: readonly string[];
  /** Everyday words that name this clientele among others (médecin, infirmière): never resolved, every holder listed. */
  readonly shared_terms: readonly string[];
  /** Names people use that the page does not give (ours, not the page's): offered first as a suggestion, never resolved alone. */
  readonly nicknames: readonly string[];
  /** What the source says about the group beyond the services' lists (the opening sentence on administrative staff); never access. */
  readonly notes: readonly ClienteleNote[];
}

/** Something the source says about a clientele beyond the services' lists: a note about the group itself, in every service. */
export interface ClienteleNote extends Bilingual {
  readonly kind: NoteKind;
}

/** One clientele's access to one service. */
export interface Grant {
  readonly clientele: string;
  readonly tier: Tier;
  readonly conditions: readonly Condition[];
}

/** An application reached inside a service; not a service of its own. */
export interface SubApplication {
  readonly name: string;
  readonly name_en: string;
  readonly description: Bilingual;
}

/** One RAMQ online service. */
export interface Service {
  readonly id: string;
  readonly name: string;
  readonly name_is_descriptive: boolean;
  readonly name_en: string;
  readonly abbreviation: string | null;
  readonly category: string;
  readonly aliases: readonly string[];
  /** Everyday words that name this service among others: never resolved, every holder listed. */
  readonly shared_terms: readonly string[];
  /** Names people use that the page does not give (AMM for aide médicale à mourir): offered first as a suggestion, never resolved alone. */
  readonly nicknames: readonly string[];
  readonly description: Bilingual;
  readonly grants: readonly Grant[];
  readonly notes: readonly Note[];
  readonly sub_applications: readonly SubApplication[];
}

/** The page a catalogue transcribes, and when and against what text it was last checked (check-source --write records both). */
export interface SourceInfo {
  readonly title: string;
  readonly publisher: string;
  /** The page's address, once someone who knows it writes it down; null until then. */
  readonly url: string | null;
  /** The day the catalogue last agreed with the page (YYYY-MM-DD), or null. */
  readonly checked: string | null;
  /** SHA-256 (hex) of the page text it agreed with on that day, or null. */
  readonly sha256: string | null;
  /** The ETag the server sent with the page fetched by its address on that day, or null: the next fetch asks whether it changed since (If-None-Match). */
  readonly etag: string | null;
  /** The Last-Modified date the server sent with that page, or null (If-Modified-Since). */
  readonly last_modified: string | null;
}

/** A loaded, validated catalogue. */
export interface Catalog {
  readonly version: 1;
  readonly source: SourceInfo;
  readonly categories: readonly Category[];
  readonly clienteles: readonly Clientele[];
  readonly services: readonly Service[];
}
