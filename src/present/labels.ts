import type { NoteKind, Tier } from '../catalog/model';
import { messagesFor } from './messages/messages';

const TIER_SYMBOLS = {
  creation: 'C',
  request: 'R',
  unspecified: 'L',
} as const satisfies Record<Tier, string>;

/** One-letter key of a tier in the matrix (lower case when the grant is inherited); the same in both languages. */
export function tierSymbol(tier: Tier): string {
  return TIER_SYMBOLS[tier];
}

/** What each kind of note is called in every language of the interface: search finds a note by its kind in either (both languages' messages are loaded then, not before). */
export function noteKindLabels(): readonly Readonly<Record<NoteKind, string>>[] {
  // The same array every time: search knows the labels the prepared index was made with by identity.
  return (allNoteKindLabels ??= Object.freeze([messagesFor('fr').noteKinds, messagesFor('en').noteKinds]));
}
let allNoteKindLabels: readonly Readonly<Record<NoteKind, string>>[] | undefined;
