import type { JsonCommand } from './formats';
import type { PresentOptions } from './options';
import type { ProblemJson } from './present-problems';
import { stringifyJson } from './sanitize';
import { sourceJson, type SourceJson } from './source-line';
import type { Category, Clientele, Condition, Note, NoteKind, Service, Tier } from '../catalog/model';
import type { Access, AccessRow, NameReading } from '../query/access';
import type { QuestionError } from '../query/ask';
import type { Suggestion } from '../query/resolve-name';

/** The codes of an error object: a question's or a batch line's, or what else ended a run (with --json). */
export type ErrorCode =
  | QuestionError['code']
  | 'BINARY_LINE'
  | 'NOT_UTF8'
  | 'LINE_TOO_LONG'
  | 'USAGE_ERROR'
  | 'CATALOG_ERROR'
  | 'PAGE_ERROR'
  | 'IO_ERROR'
  | 'UNAVAILABLE'
  | 'INTERNAL_ERROR';

/** A problem of a catalogue an error object stands for, as `validate --json` shows it, with its file. */
export interface ErrorProblemJson extends ProblemJson {
  file: string;
}

/** Why there is no answer: a --batch line's error object, and with --json the error of a run that gives none. */
export interface ErrorJson {
  code: ErrorCode;
  /** One line for a person, in the output language. */
  message: string;
  /** The offending text (a name, a line, an option, a file); empty when there is none. */
  input: string;
  /** Candidates for the name, best first; empty for errors about no name. */
  suggestions: readonly Suggestion[];
  /** For WRONG_KIND and WRONG_ORDER, when there is one: the command line that answers. */
  instead?: string;
  /** For a --batch line: its 1-based number in the input. */
  line?: number;
  /** For CATALOG_ERROR (and a catalogue that cannot be read): the catalogue's problems. */
  problems?: ErrorProblemJson[];
}

/** An error object as a document: a --batch line standing for a bad question, or the one document of a --json run that ends in an error. */
export interface ErrorDocumentJson {
  command: JsonCommand;
  error: ErrorJson;
}

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

/** A name of the question read by its words ("messagerie"): what was typed, and what it was read as. */
export interface ReadAsJson {
  input: string;
  kind: 'clientele' | 'service';
  id: string;
  /** The application of the service whose name the words are from, or null. */
  sub_application: { name: string; name_en: string } | null;
}

/** `services <clientele> --json` */
export interface ServicesJson {
  command: 'services';
  clientele: ClienteleJson;
  /** The grant condition the clientele's name carried, or null. */
  named_condition: Condition | null;
  /** How the name was read, when it was read by its words; empty when it was a name of the clientele. */
  read_as: ReadAsJson[];
  /** One entry per service. */
  services: (ServiceJson & AccessRowJson)[];
  /** What the source says about the clientele itself (linked to the clientele, or the group it specialises, that has it); never access. */
  notes: NoteJson[];
}

/** `who <service> --json` */
export interface WhoJson {
  command: 'who';
  service: ServiceJson;
  /** How the name was read, as for `services`. */
  read_as: ReadAsJson[];
  /** One entry per clientele. */
  access: ({ clientele: ClienteleJson } & AccessRowJson)[];
  /** The service's notes that bear on access: about some of its clienteles, or about how it is reached in general. */
  notes: NoteJson[];
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
  command: 'can';
  clientele: ClienteleJson;
  /** The grant condition the clientele's name carried, or null. */
  named_condition: Condition | null;
  service: ServiceJson;
  /** How the names were read, as for `services`: the clientele's, then the service's. */
  read_as: ReadAsJson[];
  eligible: boolean;
  tier: Tier | null;
  conditions: Condition[];
  inherited_from: string | null;
  /** Every access that applies, best first; the fields above repeat the first. */
  access: AccessJson[];
  /** Every grant of the service (at the --tier asked, if any), by tier then source order: who does have it. */
  holders: HolderJson[];
  /** The clientele's own notes, then the service's notes that bear on its access: linked to it or an ancestor, or about how the service is reached in general. */
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

/** Shapes the readings of a question's names for JSON output. */
export function readAsJson(readings: readonly NameReading[]): ReadAsJson[] {
  return readings.map((r) => ({
    input: r.input,
    kind: r.kind,
    id: r.entity.id,
    sub_application: r.sub_application === null ? null : { name: r.sub_application.name, name_en: r.sub_application.name_en },
  }));
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
