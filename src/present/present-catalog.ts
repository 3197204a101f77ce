import type { Catalog, Service } from '../catalog/model';
import type { MatrixResult } from '../query/build-matrix';
import type { Access, AccessRow } from '../query/access';
import type { SearchField, SearchResult } from '../query/search-catalog';
import type { ShowResult } from '../query/show-entity';
import { servicesCsv, servicesMarkdown, servicesTable, servicesToJson, whoCsv, whoMarkdown, whoTable, whoToJson } from './present-access';
import { categoryTitle, clienteleCell, clienteleTitle, serviceCell, serviceTitle, nameIn } from './entity-labels';
import { accessJson, categoryJson, clienteleJson, serviceJson, toJson, withSource } from './json-output';
import { tierSymbol } from './labels';
import type { Presenter } from './output-format';
import { mdCode, mdText } from './markdown';
import { formatNumber, type Messages } from './messages/messages';
import type { Palette, PresentOptions, Wording } from './options';
import { sanitizeText } from './sanitize';
import { displayWidth, toBoxTable, csvGrants, toCsv, toMarkdownTable, wrap, wrapHanging, type BoxRow } from './text-formats';

/** What `list` can list. */
export type ListWhat = 'services' | 'clienteles' | 'categories';

/** The result of `list`: the catalogue and what to list from it. */
export interface ListResult {
  readonly catalog: Catalog;
  readonly what: ListWhat;
}

function listRows(r: ListResult, { m, lang }: Wording): { head: string[]; rows: string[][] } {
  const w = m.words;
  switch (r.what) {
    case 'services':
      return {
        head: ['Id', w.name, w.abbreviation, w.category],
        rows: r.catalog.services.map((s) => [s.id, nameIn(s, lang), s.abbreviation ?? '', s.category]),
      };
    case 'clienteles':
      return {
        head: ['Id', w.name, w.kind, w.parent],
        rows: r.catalog.clienteles.map((c) => [c.id, nameIn(c, lang), m.clienteleKinds[c.kind], c.parent ?? '']),
      };
    case 'categories':
      return { head: ['Id', w.name], rows: r.catalog.categories.map((c) => [c.id, nameIn(c, lang)]) };
  }
}

function listToJson(r: ListResult): object {
  switch (r.what) {
    case 'services':
      return { command: 'list', services: r.catalog.services.map(serviceJson) };
    case 'clienteles':
      return { command: 'list', clienteles: r.catalog.clienteles.map(clienteleJson) };
    case 'categories':
      return { command: 'list', categories: r.catalog.categories.map(categoryJson) };
  }
}

/** Groups items by a key, the groups in order of first appearance, each keeping the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}

function capitalize(s: string): string {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

/** `list` as a table: services with their category's name, clienteles under a heading per kind with their parent, categories with their names. */
export function listTable(r: ListResult, o: PresentOptions): string {
  const { lang, palette } = o;
  const section = (label: string, n: number): BoxRow => ({ section: `${capitalize(label)} (${formatNumber(lang, n)})`, style: palette.bold });
  const w = o.m.words;
  switch (r.what) {
    case 'services': {
      const categories = new Map(r.catalog.categories.map((c) => [c.id, c]));
      const rows = r.catalog.services.map((s): BoxRow => [serviceCell(s, lang, palette), categoryTitle(categories.get(s.category), s.category, lang)]);
      return (
        toBoxTable([w.service, w.category], rows, [3, 1], o.width, palette, [{ column: 1, label: w.fieldLabel(w.category) }]) +
        `${o.m.counts.services(rows.length)}\n`
      );
    }
    case 'clienteles': {
      const rows = groupBy(r.catalog.clienteles, (c) => c.kind).flatMap(([, list]): BoxRow[] => [
        section(o.m.clienteleKinds[list[0]!.kind], list.length),
        ...list.map((c): BoxRow => [clienteleCell(c, lang, palette), c.parent ?? '']),
      ]);
      return (
        toBoxTable([w.clientele, w.parent], rows, [4, 1], o.width, palette, [{ column: 1, label: w.fieldLabel(w.parent) }]) +
        `${o.m.counts.clienteles(r.catalog.clienteles.length)}\n`
      );
    }
    case 'categories': {
      const rows = r.catalog.categories.map((c): BoxRow => [sanitizeText(nameIn(c, lang)), [{ text: c.id, style: palette.dim }]]);
      return (
        toBoxTable([w.category, w.id], rows, [1, 1], o.width, palette, [{ column: 1, label: w.fieldLabel(w.id) }]) + `${o.m.counts.categories(rows.length)}\n`
      );
    }
  }
}

/** `list` as its JSON document. */
export const listJson: Presenter<ListResult> = (r, o) => toJson(withSource(listToJson(r), o));

/** `list` as CSV: a row per entry. */
export const listCsv: Presenter<ListResult> = (r) => {
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
};

/** `list` as a markdown table. */
export const listMarkdown: Presenter<ListResult> = (r, o) => {
  const { head, rows } = listRows(r, o);
  return toMarkdownTable(head, rows);
};

/** How a clientele inherits a service it is not listed for: each grant it inherits, from whom, at what tier, with what conditions. */
function heirText(row: AccessRow, { m, lang }: Wording): string {
  return m.can.holderList(
    [row, ...row.also].map((a) =>
      m.rows.inherits(
        clienteleTitle(a.holder, lang),
        m.tiers[a.tier],
        a.conditions.map((c) => sanitizeText(c[lang])),
      ),
    ),
  );
}

function showText(r: ShowResult, o: PresentOptions, markdown: boolean): string {
  const { lang, palette } = o;
  // The table format wraps every line to the width: a heading as it is, a field or a list item under its label.
  // In markdown every text is escaped (mdText): a catalogue's text shows as written and makes no markup.
  const heading = (s: string): string => (markdown ? `### ${mdText(s)}` : wrap(s, o.width).map(palette.bold).join('\n'));
  const { colon, semicolon } = o.m.punctuation;
  const w = o.m.words;
  const field = (label: string, value: string): string => {
    if (markdown) return `- **${mdText(label)}**${colon}${mdText(value)}`;
    const labelled = `${label}${colon}`.trimEnd();
    return wrapHanging(`${label}${colon}`, value, o.width, 2)
      .map((l) => (l.startsWith(labelled) ? `${palette.dim(labelled)}${l.slice(labelled.length)}` : l))
      .join('\n');
  };
  const item = (text: string): string => (markdown ? `- ${mdText(text)}` : wrapHanging('- ', text, o.width).join('\n'));
  const out: string[] = [];
  switch (r.kind) {
    case 'service': {
      const s = r.service;
      out.push(heading(`${sanitizeText(s.name)}${s.abbreviation === null ? '' : ` (${sanitizeText(s.abbreviation)})`}`));
      out.push(field(w.id, s.id));
      if (s.name_is_descriptive) out.push(field(w.name, w.descriptiveName));
      out.push(field(w.nameEn, sanitizeText(s.name_en)));
      if (s.aliases.length > 0) out.push(field(w.aliases, s.aliases.map(sanitizeText).join(semicolon)));
      out.push(field(w.category, `${categoryTitle(r.category ?? undefined, s.category, lang)} (${s.category})`));
      out.push(field(w.description, sanitizeText(s.description[lang])));
      out.push('');
      // The notes come once, all of them, under their own heading below.
      const who = { ...r.who, notes: [] };
      const grantsText = markdown ? whoMarkdown(who, o) : whoTable(who, o);
      out.push(grantsText.trimEnd());
      // Inheritance is no condition and no row of the page's list: the specialisations that inherit a listed grant come apart.
      if (r.heirs.length > 0) {
        out.push('', heading(w.heirs));
        for (const h of r.heirs) out.push(item(`${clienteleTitle(h.clientele, lang)} (${h.clientele.id})${colon}${heirText(h, o)}`));
      }
      if (s.notes.length > 0) {
        out.push('', heading(w.notes));
        for (const n of s.notes) out.push(item(`${o.m.noteKinds[n.kind]}${colon}${sanitizeText(n[lang])}`));
      }
      if (s.sub_applications.length > 0) {
        out.push('', heading(w.subApplications));
        for (const a of s.sub_applications)
          out.push(item(`${sanitizeText(a.name)}${lang === 'en' ? ` (${sanitizeText(a.name_en)})` : ''}${colon}${sanitizeText(a.description[lang])}`));
      }
      break;
    }
    case 'clientele': {
      const c = r.clientele;
      out.push(heading(sanitizeText(c.name)));
      out.push(field(w.id, c.id));
      out.push(field(w.nameEn, sanitizeText(c.name_en)));
      out.push(field(w.kind, o.m.clienteleKinds[c.kind]));
      const others = [...c.forms, ...c.aliases, ...c.terms_en, ...c.abbreviations];
      if (others.length > 0) out.push(field(w.aliases, others.map(sanitizeText).join(semicolon)));
      if (c.job_titles.length > 0) out.push(field(w.jobTitles, c.job_titles.map(sanitizeText).join(semicolon)));
      if (c.description !== null) out.push(field(w.description, sanitizeText(c.description[lang])));
      if (r.parent !== null) out.push(field(w.parent, `${clienteleTitle(r.parent, lang)} (${r.parent.id})`));
      if (r.children.length > 0) out.push(field(w.children, r.children.map((k) => `${clienteleTitle(k, lang)} (${k.id})`).join(semicolon)));
      out.push('');
      const servicesText = markdown ? servicesMarkdown(r.services, o) : servicesTable(r.services, o);
      out.push(servicesText.trimEnd());
      break;
    }
    case 'category': {
      const c = r.category;
      out.push(heading(sanitizeText(nameIn(c, lang))));
      out.push(field(w.id, c.id));
      out.push('');
      for (const s of r.services) out.push(item(`${serviceTitle(s, lang)} (${s.id})`));
      break;
    }
  }
  return out.join('\n') + '\n';
}

function showToJson(r: ShowResult): object {
  switch (r.kind) {
    case 'service': {
      const s = r.service;
      return {
        command: 'show',
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
        inherited: whoToJson({ ...r.who, access: r.heirs }).access,
      };
    }
    case 'clientele': {
      const c = r.clientele;
      return {
        command: 'show',
        kind: 'clientele',
        clientele: {
          ...clienteleJson(c),
          description: c.description,
          forms: c.forms,
          aliases: c.aliases,
          terms_en: c.terms_en,
          abbreviations: c.abbreviations,
          job_titles: c.job_titles,
        },
        children: r.children.map(clienteleJson),
        named_condition: r.services.named_condition,
        services: servicesToJson(r.services).services,
      };
    }
    case 'category':
      return { command: 'show', kind: 'category', category: categoryJson(r.category), services: r.services.map(serviceJson) };
  }
}

/** `show` as CSV: the rows of the entry's answer (a service's clienteles, a clientele's services, a category's services). */
export function showCsv(r: ShowResult, o: PresentOptions): string {
  switch (r.kind) {
    case 'service':
      // One table: the page's list, then the clienteles that inherit from it (inherited_from says which).
      return whoCsv({ ...r.who, access: [...r.who.access, ...r.heirs] }, o);
    case 'clientele':
      return servicesCsv(r.services, o);
    case 'category':
      return toCsv(
        ['id', 'name', 'name_en', 'abbreviation', 'category'],
        r.services.map((s) => [s.id, s.name, s.name_en, s.abbreviation, s.category]),
      );
  }
}

/** `show` for a terminal: the entry's fields, then its answer. */
export const showTable: Presenter<ShowResult> = (r, o) => showText(r, o, false);

/** `show` as its JSON document. */
export const showJson: Presenter<ShowResult> = (r, o) => toJson(withSource(showToJson(r), o));

/** `show` in markdown. */
export const showMarkdown: Presenter<ShowResult> = (r, o) => showText(r, o, true);

function fieldsText(fields: readonly SearchField[], m: Messages): string {
  return fields.map((f) => m.words.searchFields[f]).join(', ');
}

function searchRows(r: SearchResult, { m, lang }: Wording): string[][] {
  return r.hits.map((h) => [m.words.kinds[h.found.kind], h.found.entity.id, sanitizeText(nameIn(h.found.entity, lang)), fieldsText(h.fields, m)]);
}

/** `search` as a table: the kind, the name with its id under it, and where the words were found. */
export function searchTable(r: SearchResult, o: PresentOptions): string {
  const { lang, palette } = o;
  const w = o.m.words;
  if (r.hits.length === 0) return `${wrap(w.noMatch, o.width).join('\n')}\n`;
  const rows = r.hits.map((h): BoxRow => {
    const found = h.found;
    const name =
      found.kind === 'service'
        ? serviceCell(found.entity, lang, palette)
        : found.kind === 'clientele'
          ? clienteleCell(found.entity, lang, palette)
          : [{ text: categoryTitle(found.entity, found.entity.id, lang) }, { text: found.entity.id, style: palette.dim }];
    return [name, w.kinds[found.kind], fieldsText(h.fields, o.m)];
  });
  return toBoxTable([w.name, w.kind, w.matches], rows, [6, 1, 2], o.width, palette, [
    { column: 1, label: w.fieldLabel(w.kind) },
    { column: 2, label: w.fieldLabel(w.matches) },
  ]);
}

/** `search` as its JSON document. */
export const searchJson: Presenter<SearchResult> = (r, o) =>
  toJson(
    withSource(
      {
        command: 'search',
        query: r.words,
        results: r.hits.map((h) => ({
          kind: h.found.kind,
          id: h.found.entity.id,
          name: h.found.entity.name,
          name_en: h.found.entity.name_en,
          score: h.score,
          fields: h.fields,
          matches: h.matches.map((m) => ({ word: m.word, how: m.how, field: m.field, text: m.text })),
        })),
      },
      o,
    ),
  );

/** `search` as CSV: a row per match. */
export const searchCsv: Presenter<SearchResult> = (r) =>
  toCsv(
    ['kind', 'id', 'name', 'name_en', 'score', 'fields'],
    r.hits.map((h) => [h.found.kind, h.found.entity.id, h.found.entity.name, h.found.entity.name_en, h.score, h.fields.join(' ')]),
  );

/** `search` as a markdown table. */
export const searchMarkdown: Presenter<SearchResult> = (r, o) =>
  r.hits.length === 0 ? `${o.m.words.noMatch}\n` : toMarkdownTable([o.m.words.kind, 'Id', o.m.words.name, o.m.words.matches], searchRows(r, o));

const COLUMN_KEYS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function columnKey(i: number): string {
  return COLUMN_KEYS[i] ?? '?';
}

/** What a matrix cell shows where the clientele has no access: a symbol that no separator uses. */
const NO_ACCESS = '·';
/** Follows a tier's letter when the grant has conditions. */
const WITH_CONDITIONS = '*';

function cellSymbol(cell: readonly Access[]): string {
  const best = cell[0];
  if (best === undefined) return NO_ACCESS;
  const letter = tierSymbol(best.tier);
  return best.inherited_from === null ? letter : letter.toLowerCase();
}

/** A matrix cell: the tier's letter and its conditions mark, colored by what it says. */
function matrixCell(cell: readonly Access[], palette: Palette): string {
  const best = cell[0];
  const text = `${cellSymbol(cell)}${best !== undefined && best.conditions.length > 0 ? WITH_CONDITIONS : ''}`;
  return best === undefined ? palette.dim(text) : best.inherited_from !== null ? palette.accent(text) : palette.good(text);
}

// A clientele's name takes the room the cells leave, wrapped, but no fewer than MIN_LABEL columns
// (below that the services are split into blocks of columns) and no more than MAX_LABEL.
const MIN_LABEL = 20;
const MAX_LABEL = 48;

/** Splits the columns into `blocks` runs of nearly equal length, in order. */
function splitColumns(n: number, blocks: number): number[][] {
  const size = Math.max(1, Math.ceil(n / blocks));
  const out: number[][] = [];
  for (let start = 0; start < n; start += size) out.push(Array.from({ length: Math.min(size, n - start) }, (_, k) => start + k));
  return out;
}

/**
 * The matrix as text: one row per clientele (its name wrapped to fit), one
 * lettered column per service, then a legend of the symbols, one per line,
 * and of the letters. A column is a symbol and a space, or a symbol, its
 * conditions mark and a space when one of its cells has conditions, so that
 * a mark never touches the next cell. When the services do not fit beside
 * the names, they are split into blocks of columns, one under the other.
 */
export function matrixTable(r: MatrixResult, o: PresentOptions): string {
  const { lang, palette } = o;
  const n = r.services.length;
  const longestName = Math.max(MIN_LABEL, ...r.rows.map((row) => displayWidth(clienteleTitle(row.clientele, lang))));
  const labelRoom = (blocks: readonly number[][], widths: readonly number[]): number =>
    o.width - 2 - Math.max(0, ...blocks.map((block) => block.reduce((w, i) => w + (widths[i] ?? 2), 0) - 1));
  // Evenly spaced columns when the names keep all the room they could use; else only the columns with a
  // conditions mark are three wide, and when even that leaves too little room, blocks of columns.
  const compact = r.services.map((_, i) => (r.rows.some((row) => (row.cells[i]?.[0]?.conditions.length ?? 0) > 0) ? 3 : 2));
  const even = r.services.map(() => 3);
  let blocks = splitColumns(n, 1);
  const columnWidth = labelRoom(blocks, even) >= Math.min(MAX_LABEL, longestName) ? even : compact;
  for (let count = 2; count <= n && labelRoom(blocks, columnWidth) < MIN_LABEL; count++) blocks = splitColumns(n, count);
  const labelWidth = Math.max(1, Math.min(MAX_LABEL, longestName, labelRoom(blocks, columnWidth)));
  const lines: string[] = [];
  if (r.category !== null) {
    const category = r.categories.find((c) => c.id === r.category);
    lines.push(...wrap(categoryTitle(category, r.category, lang), o.width).map(palette.bold), '');
  }
  blocks.forEach((block, b) => {
    if (b > 0) lines.push('');
    lines.push(
      `${' '.repeat(labelWidth + 2)}${palette.bold(
        block
          .map((i) => columnKey(i).padEnd(columnWidth[i] ?? 2))
          .join('')
          .trimEnd(),
      )}`,
    );
    for (const row of r.rows) {
      // The lines after a name's first carry no cells: indented by one column (so that each clientele's first line
      // stands out), they take one column of the gap before the cells.
      const [first = '', ...rest] = wrap(clienteleTitle(row.clientele, lang), labelWidth);
      const cells = block.map((i) => {
        const cell = row.cells[i] ?? [];
        const shown = 1 + (cell[0]?.conditions.length ? 1 : 0);
        return `${matrixCell(cell, palette)}${' '.repeat((columnWidth[i] ?? 2) - shown)}`;
      });
      lines.push(`${first}${' '.repeat(labelWidth + 2 - displayWidth(first))}${cells.join('')}`.trimEnd(), ...rest.map((l) => ` ${l}`));
    }
  });
  const w = o.m.words;
  lines.push('', palette.bold(w.legend));
  const keys: [string, string][] = [
    ['C', o.m.tiers.creation],
    ['R', o.m.tiers.request],
    ['L', o.m.tiers.unspecified],
    ['c r l', w.legendInherited],
    [`C${WITH_CONDITIONS} r${WITH_CONDITIONS}`, w.legendConditions],
    [NO_ACCESS, w.legendNoAccess],
  ];
  const keyWidth = Math.max(...keys.map(([k]) => k.length)) + 2;
  for (const [key, text] of keys) lines.push(...wrapHanging(key.padEnd(keyWidth), text, o.width));
  lines.push('', palette.bold(w.legendColumns));
  r.services.forEach((s, i) => lines.push(...wrapHanging(`${columnKey(i)}  `, `${serviceTitle(s, lang)} [${s.id}]`, o.width)));
  return lines.join('\n') + '\n';
}

/** `matrix` as a markdown table with a lettered column per service and a legend. */
export function matrixMarkdown(r: MatrixResult, o: PresentOptions): string {
  const { lang } = o;
  const head = [o.m.words.clientele, ...r.services.map((_, i) => columnKey(i))];
  const rows = r.rows.map((row) => [
    clienteleTitle(row.clientele, lang),
    ...row.cells.map((cell) => `${cellSymbol(cell)}${cell[0]?.conditions.length ? '*' : ''}`),
  ]);
  const { colon } = o.m.punctuation;
  const legend = r.services.map((s: Service, i) => `- ${columnKey(i)}${colon}${mdText(serviceTitle(s, lang))} (${mdCode(s.id)})`).join('\n');
  return `${toMarkdownTable(head, rows)}\n${legend}\n`;
}

/** `matrix` as its JSON document: every access, conditions and inheritance included. */
export const matrixJson: Presenter<MatrixResult> = (r, o) =>
  toJson(
    withSource(
      {
        command: 'matrix',
        category: r.category,
        services: r.services.map(serviceJson),
        rows: r.rows.map((row) => ({
          clientele: clienteleJson(row.clientele),
          // One entry per service the clientele reaches: the best access, the others in `also`.
          access: row.reached.flatMap(({ column, access }) => {
            const [best, ...also] = access;
            return best === undefined ? [] : [{ service: r.services[column]?.id ?? '', ...accessJson(best), also: also.map(accessJson) }];
          }),
        })),
      },
      o,
    ),
  );

/** `matrix` as CSV: a row per clientele, a column per service, every access, conditions and inheritance included. */
export const matrixCsv: Presenter<MatrixResult> = (r, o) =>
  toCsv(
    ['clientele', 'name', ...r.services.map((s) => s.id)],
    r.rows.map((row) => [row.clientele.id, row.clientele.name, ...row.cells.map((cell) => csvGrants(cell, o.lang))]),
  );
