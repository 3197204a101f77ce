import type { Category, Clientele, Service } from '../catalog/model';
import type { Lang, Palette } from './options';
import { sanitizeText } from './sanitize';

/** A service's name as a person reads it in a language, with its abbreviation. */
export function serviceTitle(s: Service, lang: Lang): string {
  const name = lang === 'fr' ? s.name : s.name_en;
  return sanitizeText(s.abbreviation === null ? name : `${name} (${s.abbreviation})`);
}

/** A clientele's name as a person reads it in a language. */
export function clienteleTitle(c: Clientele, lang: Lang): string {
  return sanitizeText(lang === 'fr' ? c.name : c.name_en);
}

/** A category's name in a language. */
export function categoryTitle(c: Category | undefined, id: string, lang: Lang): string {
  return sanitizeText(c === undefined ? id : lang === 'fr' ? c.name : c.name_en);
}

/** A table cell naming a service: its name, then (dimmed) its official French name in English mode, and its id. */
export function serviceCell(s: Service, lang: Lang, palette: Palette): string {
  const second = lang === 'en' && s.name_en !== s.name ? `${sanitizeText(s.name)} · ${s.id}` : s.id;
  return `${serviceTitle(s, lang)}\n${palette.dim(second)}`;
}

/** A table cell naming a clientele: its name, then (dimmed) its official French name in English mode, and its id. */
export function clienteleCell(c: Clientele, lang: Lang, palette: Palette): string {
  const second = lang === 'en' ? `${sanitizeText(c.name)} · ${c.id}` : c.id;
  return `${clienteleTitle(c, lang)}\n${palette.dim(second)}`;
}
