import type { PresentOptions } from './options';
import { stringifyJson } from './sanitize';
import { sourceJson, type SourceJson } from './source-line';
import type { Category, Clientele, Condition, Note, NoteKind, Service, Tier } from '../catalog/model';
import type { Access, AccessRow } from '../query/access';

/** A service as every JSON output shows it. */
export interface ServiceJson {
  id: string;
  name: string;
  name_en: string;
  abbreviation: string | null;
  category: string;
}

/** A clientele as every JSON output shows it. */
export interface ClienteleJson {
  id: string;
  name: string;
  name_en: string;
  kind: Clientele['kind'];
  parent: string | null;
}

/** A category as every JSON output shows it. */
export interface CategoryJson {
  id: string;
  name: string;
  name_en: string;
}

/** How an access reads in JSON. */
export interface AccessJson {
  tier: Tier;
  conditions: Condition[];
  inherited_from: string | null;
}

/** One row of an answer in JSON: the access that answers, and the other grants that reach the same clientele and service. */
export interface AccessRowJson extends AccessJson {
  /** The other grants, best first; empty when one grant answers alone. */
  also: AccessJson[];
}

/** `services <clientele> --json` */
export interface ServicesJson {
  clientele: ClienteleJson;
  /** The grant condition the clientele's name carried, or null. */
  named_condition: Condition | null;
  /** One entry per service. */
  services: (ServiceJson & AccessRowJson)[];
}

/** `who <service> --json` */
export interface WhoJson {
  service: ServiceJson;
  /** One entry per clientele. */
  access: ({ clientele: ClienteleJson } & AccessRowJson)[];
}

/** A clientele that holds a service, as `can` lists them: its grant's tier and conditions. */
export interface HolderJson {
  clientele: ClienteleJson;
  tier: Tier;
  conditions: Condition[];
}

/** A note as the JSON outputs show it: its kind, the ids of the clienteles it concerns ([] for the service in general), its text in both languages. */
export interface NoteJson {
  kind: NoteKind;
  clienteles: string[];
  fr: string;
  en: string;
}

/** `can <clientele> <service> --json` */
export interface CanJson {
  clientele: ClienteleJson;
  /** The grant condition the clientele's name carried, or null. */
  named_condition: Condition | null;
  service: ServiceJson;
  eligible: boolean;
  tier: Tier | null;
  conditions: Condition[];
  inherited_from: string | null;
  /** Every access that applies, best first; the fields above repeat the first. */
  access: AccessJson[];
  /** Every grant of the service (at the --tier asked, if any), by tier then source order: who does have it. */
  holders: HolderJson[];
  /** The service's notes that bear on this clientele's access: linked to it or an ancestor, or about how the service is reached in general. */
  notes: NoteJson[];
}

/** Shapes a service for JSON output. */
export function serviceJson(s: Service): ServiceJson {
  return { id: s.id, name: s.name, name_en: s.name_en, abbreviation: s.abbreviation, category: s.category };
}

/** Shapes a clientele for JSON output. */
export function clienteleJson(c: Clientele): ClienteleJson {
  return { id: c.id, name: c.name, name_en: c.name_en, kind: c.kind, parent: c.parent };
}

/** Shapes a category for JSON output. */
export function categoryJson(c: Category): CategoryJson {
  return { id: c.id, name: c.name, name_en: c.name_en };
}

/** Shapes an access for JSON output. */
export function accessJson(a: Access): AccessJson {
  return { tier: a.tier, conditions: a.conditions.map((c) => ({ fr: c.fr, en: c.en })), inherited_from: a.inherited_from };
}

/** Shapes a note for JSON output. */
export function noteJson(n: Note): NoteJson {
  return { kind: n.kind, clienteles: [...n.clienteles], fr: n.fr, en: n.en };
}

/** Shapes a holder of a service (an access of the clientele that holds the grant) for JSON output. */
export function holderJson(a: Access): HolderJson {
  return { clientele: clienteleJson(a.clientele), tier: a.tier, conditions: a.conditions.map((c) => ({ fr: c.fr, en: c.en })) };
}

/** Shapes an answer row for JSON output. */
export function accessRowJson(r: AccessRow): AccessRowJson {
  return { ...accessJson(r), also: r.also.map(accessJson) };
}

/** An answer's JSON with the `source` of the catalogue it comes from (when one is loaded). */
export function withSource<T extends object>(value: T, o: PresentOptions): T | (T & { source: SourceJson }) {
  return o.source === null ? value : { ...value, source: sourceJson(o.source) };
}

/** Serialises one JSON document, with a final newline; control and invisible characters are written as `\u` escapes (see stringifyJson). */
export function toJson(value: unknown): string {
  return `${stringifyJson(value, 2)}\n`;
}
