import type { Category, Clientele, Service } from '../catalog/model';
import type { Lang, Palette } from './options';
import { sanitizeText } from './sanitize';
import type { Styled } from './text-formats';

/** An entry's name in a language: the official French name, or the project's English name. */
export function nameIn(entry: { readonly name: string; readonly name_en: string }, lang: Lang): string {
  return lang === 'en' ? entry.name_en : entry.name;
}

/**
 * An entry's name in running text: in French the official name; in English the English name, then the
 * official French one when it differs (`Dental hygienist / Hygiéniste dentaire`), as English tables show
 * them one above the other. Neutralised for the terminal.
 */
export function inlineName(entry: { readonly name: string; readonly name_en: string }, lang: Lang): string {
  const shown = nameIn(entry, lang);
  return sanitizeText(shown === entry.name ? shown : `${shown} / ${entry.name}`);
}

/** A service's name as a person reads it in a language, with its abbreviation. */
export function serviceTitle(s: Service, lang: Lang): string {
  const name = nameIn(s, lang);
  return sanitizeText(s.abbreviation === null ? name : `${name} (${s.abbreviation})`);
}

/** A clientele's name as a person reads it in a language. */
export function clienteleTitle(c: Clientele, lang: Lang): string {
  return sanitizeText(nameIn(c, lang));
}

/** A category's name in a language. */
export function categoryTitle(c: Category | undefined, id: string, lang: Lang): string {
  return sanitizeText(c === undefined ? id : nameIn(c, lang));
}

/** A table cell naming a service: its name, then (dimmed) its official French name in English mode, and its id on a line of its own. */
export function serviceCell(s: Service, lang: Lang, palette: Palette): Styled[] {
  const official = lang === 'en' && s.name_en !== s.name ? [{ text: sanitizeText(s.name), style: palette.dim }] : [];
  return [{ text: serviceTitle(s, lang) }, ...official, { text: s.id, style: palette.dim }];
}

/** A table cell naming a clientele: its name, then (dimmed) its official French name in English mode, and its id on a line of its own. */
export function clienteleCell(c: Clientele, lang: Lang, palette: Palette): Styled[] {
  const official = lang === 'en' ? [{ text: sanitizeText(c.name), style: palette.dim }] : [];
  return [{ text: clienteleTitle(c, lang) }, ...official, { text: c.id, style: palette.dim }];
}
