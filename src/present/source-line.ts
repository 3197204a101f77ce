import type { SourceInfo } from '../catalog/model';
import type { Messages } from './messages/messages';
import { sanitizeText } from './sanitize';

/** The source as every answer's JSON carries it. */
export interface SourceJson {
  readonly title: string;
  readonly publisher: string;
  readonly url: string | null;
  readonly checked: string | null;
  readonly sha256: string | null;
}

/** Shapes the catalogue's source for JSON. */
export function sourceJson(s: SourceInfo): SourceJson {
  return { title: s.title, publisher: s.publisher, url: s.url, checked: s.checked, sha256: s.sha256 };
}

/** "Source: <publisher>, "<title>", checked <date>" in a language (or that it was never checked). */
export function sourceLine(s: SourceInfo, m: Messages): string {
  return m.questions.sourceLine(sanitizeText(s.publisher), sanitizeText(s.title), s.checked === null ? null : sanitizeText(s.checked));
}
