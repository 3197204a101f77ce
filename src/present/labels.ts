import type { ClienteleKind, NoteKind, Tier } from '../catalog/model';
import type { ProblemCode } from '../catalog/problem';
import { messagesFor, type Messages } from './messages/messages';
import type { Lang } from './options';

/** The fixed words of tables and pages. */
export type WordKey = keyof Messages['words'];

/** How a tier reads in a sentence or a table cell. */
export function tierLabel(tier: Tier, lang: Lang): string {
  return messagesFor(lang).tiers[tier];
}

const TIER_SYMBOLS = {
  creation: 'C',
  request: 'R',
  unspecified: 'L',
} as const satisfies Record<Tier, string>;

/** One-letter key of a tier in the matrix (lower case when the grant is inherited); the same in both languages. */
export function tierSymbol(tier: Tier): string {
  return TIER_SYMBOLS[tier];
}

/** How a clientele kind reads. */
export function kindLabel(kind: ClienteleKind, lang: Lang): string {
  return messagesFor(lang).clienteleKinds[kind];
}

/** How a note kind reads. */
export function noteLabel(kind: NoteKind, lang: Lang): string {
  return messagesFor(lang).noteKinds[kind];
}

/** What each kind of note is called in every language of the interface: search finds a note by its kind in either (both languages' messages are loaded then, not before). */
export function noteKindLabels(): readonly Readonly<Record<NoteKind, string>>[] {
  // The same array every time: search knows the labels the prepared index was made with by identity.
  return (allNoteKindLabels ??= Object.freeze([messagesFor('fr').noteKinds, messagesFor('en').noteKinds]));
}
let allNoteKindLabels: readonly Readonly<Record<NoteKind, string>>[] | undefined;

/** Looks up a fixed word or sentence of the interface in a language. */
export function word(key: WordKey, lang: Lang): string {
  return messagesFor(lang).words[key];
}

/** What a kind of problem is, in one sentence (SARIF's rule descriptions). */
export function problemLabel(code: ProblemCode, lang: Lang): string {
  return messagesFor(lang).problemLabels[code];
}

/** Looks up a word with placeholders (`{n}`) and fills them in. */
export function wordWith(key: WordKey, lang: Lang, values: Readonly<Record<string, string | number>>): string {
  return word(key, lang).replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
