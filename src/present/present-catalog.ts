import type { Catalog, Service } from '../catalog/model';
import type { MatrixResult } from '../query/build-matrix';
import type { Access } from '../query/access';
import type { SearchResult } from '../query/search-catalog';
import type { ShowResult } from '../query/show-entity';
import { presentServices, presentWho, servicesToJson, whoToJson } from './present-access';
import { categoryTitle, clienteleTitle, serviceTitle } from './entity-labels';
import { accessJson, categoryJson, clienteleJson, serviceJson, toJson } from './json-output';
import { kindLabel, noteLabel, tierLabel, tierSymbol, word } from './labels';
import type { Presenters, QueryFormat } from './formats';
import type { Lang, PresentOptions } from './options';
import { sanitizeText } from './sanitize';
import { toBoxTable, toCsv, toMarkdownTable, wrap } from './text-formats';

/** What `list` can list. */
export type ListWhat = 'services' | 'clienteles' | 'categories';

/** The result of `list`: the catalogue and what to list from it. */
export interface ListResult {
  readonly catalog: Catalog;
  readonly what: ListWhat;
}

function listRows(r: ListResult, lang: Lang): { head: string[]; rows: string[][] } {
  switch (r.what) {
    case 'services':
      return {
        head: ['Id', word('name', lang), word('abbreviation', lang), word('category', lang)],
        rows: r.catalog.services.map((s) => [s.id, lang === 'fr' ? s.name : s.name_en, s.abbreviation ?? '', s.category]),
      };
    case 'clienteles':
      return {
        head: ['Id', word('name', lang), word('kind', lang), word('parent', lang)],
        rows: r.catalog.clienteles.map((c) => [c.id, lang === 'fr' ? c.name : c.name_en, kindLabel(c.kind, lang), c.parent ?? '']),
      };
    case 'categories':
      return { head: ['Id', word('name', lang)], rows: r.catalog.categories.map((c) => [c.id, lang === 'fr' ? c.name : c.name_en]) };
  }
}

function listJson(r: ListResult): unknown {
  switch (r.what) {
    case 'services':
      return { services: r.catalog.services.map(serviceJson) };
    case 'clienteles':
      return { clienteles: r.catalog.clienteles.map(clienteleJson) };
    case 'categories':
      return { categories: r.catalog.categories.map(categoryJson) };
  }
}

/** Presenters of `list`, one per format. */
export const presentList = {
  table: (r, o) => {
    const { head, rows } = listRows(r, o.lang);
    const shares = r.what === 'categories' ? [2, 4] : [4, 7, 2, 3];
    return (
      toBoxTable(
        head.map(sanitizeText),
        rows.map((row) => row.map(sanitizeText)),
        shares,
        o.width,
        o.palette,
      ) + `${rows.length} ${r.what}\n`
    );
  },
  json: (r) => toJson(listJson(r)),
  csv: (r) => {
    switch (r.what) {
      case 'services':
        return toCsv(
          ['id', 'name', 'name_en', 'abbreviation', 'category'],
          r.catalog.services.map((s) => [s.id, s.name, s.name_en, s.abbreviation, s.category]),
        );
      case 'clienteles':
        return toCsv(
          ['id', 'name', 'name_en', 'kind', 'parent'],
          r.catalog.clienteles.map((c) => [c.id, c.name, c.name_en, c.kind, c.parent]),
        );
      case 'categories':
        return toCsv(
          ['id', 'name', 'name_en'],
          r.catalog.categories.map((c) => [c.id, c.name, c.name_en]),
        );
    }
  },
  markdown: (r, o) => {
    const { head, rows } = listRows(r, o.lang);
    return toMarkdownTable(head, rows);
  },
} as const satisfies Presenters<ListResult, QueryFormat>;

function showText(r: ShowResult, o: PresentOptions, markdown: boolean): string {
  const { lang, palette } = o;
  const heading = (s: string): string => (markdown ? `### ${s}` : palette.bold(s));
  const field = (label: string, value: string): string => (markdown ? `- **${label}**: ${value}` : `${palette.dim(`${label}:`)} ${value}`);
  const out: string[] = [];
  switch (r.kind) {
    case 'service': {
      const s = r.service;
      out.push(heading(`${sanitizeText(s.name)}${s.abbreviation === null ? '' : ` (${sanitizeText(s.abbreviation)})`}`));
      out.push(field(word('id', lang), s.id));
      if (s.name_is_descriptive) out.push(field(word('name', lang), word('descriptiveName', lang)));
      out.push(field(word('nameEn', lang), sanitizeText(s.name_en)));
      if (s.aliases.length > 0) out.push(field(word('aliases', lang), s.aliases.map(sanitizeText).join('; ')));
      out.push(field(word('category', lang), `${categoryTitle(r.category ?? undefined, s.category, lang)} (${s.category})`));
      out.push(field(word('description', lang), sanitizeText(s.description[lang])));
      out.push('');
      const grantsText = markdown ? presentWho.markdown(r.who, o) : presentWho.table(r.who, o);
      out.push(grantsText.trimEnd());
      if (s.notes.length > 0) {
        out.push('', heading(word('notes', lang)));
        for (const n of s.notes) out.push(`- ${noteLabel(n.kind, lang)}: ${sanitizeText(n[lang])}`);
      }
      if (s.sub_applications.length > 0) {
        out.push('', heading(word('subApplications', lang)));
        for (const a of s.sub_applications)
          out.push(`- ${sanitizeText(a.name)}${lang === 'en' ? ` (${sanitizeText(a.name_en)})` : ''}: ${sanitizeText(a.description[lang])}`);
      }
      break;
    }
    case 'clientele': {
      const c = r.clientele;
      out.push(heading(sanitizeText(c.name)));
      out.push(field(word('id', lang), c.id));
      out.push(field(word('nameEn', lang), sanitizeText(c.name_en)));
      out.push(field(word('kind', lang), kindLabel(c.kind, lang)));
      const others = [...c.forms, ...c.aliases, ...c.terms_en, ...c.abbreviations];
      if (others.length > 0) out.push(field(word('aliases', lang), others.map(sanitizeText).join('; ')));
      if (c.description !== null) out.push(field(word('description', lang), sanitizeText(c.description[lang])));
      if (r.parent !== null) out.push(field(word('parent', lang), `${clienteleTitle(r.parent, lang)} (${r.parent.id})`));
      if (r.children.length > 0) out.push(field(word('children', lang), r.children.map((k) => `${clienteleTitle(k, lang)} (${k.id})`).join('; ')));
      out.push('');
      const servicesText = markdown ? presentServices.markdown(r.services, o) : presentServices.table(r.services, o);
      out.push(servicesText.trimEnd());
      break;
    }
    case 'category': {
      const c = r.category;
      out.push(heading(sanitizeText(lang === 'fr' ? c.name : c.name_en)));
      out.push(field(word('id', lang), c.id));
      out.push('');
      for (const s of r.services) out.push(`- ${serviceTitle(s, lang)} (${s.id})`);
      break;
    }
  }
  return out.join('\n') + '\n';
}

function showJson(r: ShowResult): unknown {
  switch (r.kind) {
    case 'service': {
      const s = r.service;
      return {
        kind: 'service',
        service: {
          ...serviceJson(s),
          name_is_descriptive: s.name_is_descriptive,
          aliases: s.aliases,
          description: s.description,
          notes: s.notes,
          sub_applications: s.sub_applications,
        },
        access: whoToJson(r.who).access,
      };
    }
    case 'clientele': {
      const c = r.clientele;
      return {
        kind: 'clientele',
        clientele: {
          ...clienteleJson(c),
          description: c.description,
          forms: c.forms,
          aliases: c.aliases,
          terms_en: c.terms_en,
          abbreviations: c.abbreviations,
        },
        children: r.children.map(clienteleJson),
        services: servicesToJson(r.services).services,
      };
    }
    case 'category':
      return { kind: 'category', category: categoryJson(r.category), services: r.services.map(serviceJson) };
  }
}

function showCsv(r: ShowResult, o: PresentOptions): string {
  switch (r.kind) {
    case 'service':
      return presentWho.csv(r.who, o);
    case 'clientele':
      return presentServices.csv(r.services, o);
    case 'category':
      return toCsv(
        ['id', 'name', 'name_en', 'abbreviation', 'category'],
        r.services.map((s) => [s.id, s.name, s.name_en, s.abbreviation, s.category]),
      );
  }
}

/** Presenters of `show`, one per format. */
export const presentShow = {
  table: (r, o) => showText(r, o, false),
  json: (r) => toJson(showJson(r)),
  csv: showCsv,
  markdown: (r, o) => showText(r, o, true),
} as const satisfies Presenters<ShowResult, QueryFormat>;

function searchRows(r: SearchResult, lang: Lang): string[][] {
  return r.hits.map((h) => [
    h.found.kind === 'service' ? word('kindService', lang) : h.found.kind === 'clientele' ? word('kindClientele', lang) : word('kindCategory', lang),
    h.found.entity.id,
    sanitizeText(lang === 'fr' ? h.found.entity.name : h.found.entity.name_en),
    h.fields.join(', '),
  ]);
}

/** Presenters of `search`, one per format. */
export const presentSearch = {
  table: (r, o) => {
    if (r.hits.length === 0) return `${word('noMatch', o.lang)}\n`;
    return toBoxTable([word('kind', o.lang), 'Id', word('name', o.lang), word('matches', o.lang)], searchRows(r, o.lang), [1, 1, 8, 1], o.width, o.palette);
  },
  json: (r) =>
    toJson({
      query: r.words,
      results: r.hits.map((h) => ({
        kind: h.found.kind,
        id: h.found.entity.id,
        name: h.found.entity.name,
        name_en: h.found.entity.name_en,
        score: h.score,
        fields: h.fields,
      })),
    }),
  csv: (r) =>
    toCsv(
      ['kind', 'id', 'name', 'name_en', 'score', 'fields'],
      r.hits.map((h) => [h.found.kind, h.found.entity.id, h.found.entity.name, h.found.entity.name_en, h.score, h.fields.join(' ')]),
    ),
  markdown: (r, o) =>
    r.hits.length === 0
      ? `${word('noMatch', o.lang)}\n`
      : toMarkdownTable([word('kind', o.lang), 'Id', word('name', o.lang), word('matches', o.lang)], searchRows(r, o.lang)),
} as const satisfies Presenters<SearchResult, QueryFormat>;

const COLUMN_KEYS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function columnKey(i: number): string {
  return COLUMN_KEYS[i] ?? '?';
}

function cellSymbol(cell: readonly Access[]): string {
  const best = cell[0];
  if (best === undefined) return '·';
  const letter = tierSymbol(best.tier);
  return best.inherited_from === null ? letter : letter.toLowerCase();
}

/**
 * The matrix as text: one row per clientele (its name wrapped to fit), one
 * lettered column per service (two characters each), then the legend that
 * names each letter. 23 services and a 30-character name column fit in 80.
 */
function matrixTable(r: MatrixResult, o: PresentOptions): string {
  const { lang, palette } = o;
  const labelWidth = Math.max(20, Math.min(40, o.width - r.services.length * 2 - 2));
  const lines: string[] = [];
  const headerCells = r.services.map((_, i) => columnKey(i)).join(' ');
  lines.push(`${' '.repeat(labelWidth)}  ${palette.bold(headerCells)}`);
  for (const row of r.rows) {
    const label = wrap(clienteleTitle(row.clientele, lang), labelWidth);
    const cells = row.cells
      .map((cell) => {
        const symbol = cellSymbol(cell);
        const marked = cell[0] !== undefined && cell[0].conditions.length > 0 ? `${symbol}*` : `${symbol} `;
        return symbol === '·' ? palette.dim(marked) : cell[0]?.inherited_from ? palette.accent(marked) : palette.good(marked);
      })
      .join('')
      .trimEnd();
    lines.push(`${(label[0] ?? '').padEnd(labelWidth)}  ${cells}`);
    for (const more of label.slice(1)) lines.push(more);
  }
  lines.push('');
  lines.push(palette.bold(word('legend', lang)));
  const keys =
    lang === 'fr'
      ? [
          `C ${tierLabel('creation', lang)}`,
          `R ${tierLabel('request', lang)}`,
          `L ${tierLabel('unspecified', lang)}`,
          'c, r, l : hérité',
          '* avec conditions',
          '· aucun accès',
        ]
      : [
          `C ${tierLabel('creation', lang)}`,
          `R ${tierLabel('request', lang)}`,
          `L ${tierLabel('unspecified', lang)}`,
          'c, r, l: inherited',
          '* with conditions',
          '· no access',
        ];
  lines.push(...wrap(keys.join(' · '), o.width));
  r.services.forEach((s, i) => {
    const [first, ...rest] = wrap(`${s.id}: ${serviceTitle(s, lang)}`, o.width - 3);
    lines.push(`${columnKey(i)}  ${first ?? ''}`, ...rest.map((l) => `   ${l}`));
  });
  return lines.join('\n') + '\n';
}

function matrixCellText(cell: readonly Access[]): string {
  return cell
    .map((a) =>
      [a.tier, a.inherited_from === null ? '' : `inherited_from=${a.inherited_from}`, ...a.conditions.map((c) => `condition=${c.fr}`)]
        .filter(Boolean)
        .join(' '),
    )
    .join(' | ');
}

function matrixMarkdown(r: MatrixResult, o: PresentOptions): string {
  const { lang } = o;
  const head = [word('clientele', lang), ...r.services.map((_, i) => columnKey(i))];
  const rows = r.rows.map((row) => [
    clienteleTitle(row.clientele, lang),
    ...row.cells.map((cell) => `${cellSymbol(cell)}${cell[0]?.conditions.length ? '*' : ''}`),
  ]);
  const legend = r.services.map((s: Service, i) => `- ${columnKey(i)}: ${serviceTitle(s, lang)} (\`${s.id}\`)`).join('\n');
  return `${toMarkdownTable(head, rows)}\n${legend}\n`;
}

/** Presenters of `matrix`, one per format; csv and json hold every access, conditions and inheritance included. */
export const presentMatrix = {
  table: matrixTable,
  json: (r) =>
    toJson({
      category: r.category,
      services: r.services.map(serviceJson),
      rows: r.rows.map((row) => ({
        clientele: clienteleJson(row.clientele),
        access: row.cells.flatMap((cell, i) => cell.map((a) => ({ service: r.services[i]?.id ?? '', ...accessJson(a) }))),
      })),
    }),
  csv: (r) =>
    toCsv(
      ['clientele', 'name', ...r.services.map((s) => s.id)],
      r.rows.map((row) => [row.clientele.id, row.clientele.name, ...row.cells.map(matrixCellText)]),
    ),
  markdown: matrixMarkdown,
} as const satisfies Presenters<MatrixResult, QueryFormat>;
