import type { Condition, Note, Tier } from '../catalog/model';
import { TIERS } from '../catalog/model';
import type { Access, AccessRow, CanResult, NameReading, ServicesResult, WhoResult } from '../query/access';
import { categoryTitle, clienteleCell, clienteleTitle, serviceCell, serviceTitle } from './entity-labels';
import {
  accessJson,
  accessRowJson,
  clienteleJson,
  holderJson,
  noteJson,
  readAsJson,
  serviceJson,
  toJson,
  withSource,
  type CanJson,
  type ServicesJson,
  type WhoJson,
} from './json-output';
import type { Presenter } from './output-format';
import { mdCode, mdText } from './markdown';
import { formatNumber } from './messages/messages';
import type { Lang, PresentOptions, Wording } from './options';
import { sanitizeText } from './sanitize';
import { displayWidth, toBoxTable, csvGrants, csvList, toCsv, toMarkdownTable, wrap, wrapHanging, type BoxRow, type Styled } from './text-formats';

function conditionText(conditions: readonly Condition[], { m, lang }: Wording): string {
  return conditions.map((c) => sanitizeText(c[lang])).join(m.punctuation.semicolon);
}

function inheritedText(a: Access, m: PresentOptions['m']): string {
  return a.inherited_from === null ? '' : `${m.words.inheritedFrom} ${a.inherited_from}`;
}

/**
 * A condition up to this many columns reads well in a table cell; a longer one
 * would fill a narrow column with many lines, so it becomes a numbered note
 * under the table. The rule does not depend on the width, so that one
 * condition always shows the same way.
 */
const INLINE_CONDITION_MAX = 40;

/** The long conditions of one table, numbered in the order the table first refers to them. */
interface ConditionNotes {
  /** The text a cell shows for a condition: the condition itself when short, else a reference to its note. */
  readonly cellText: (condition: Condition) => string;
  /** The notes, wrapped to the width, to print under the table. */
  readonly lines: () => string[];
}

function makeConditionNotes(o: PresentOptions): ConditionNotes {
  const numbers = new Map<string, number>();
  return {
    cellText: (condition) => {
      const text = sanitizeText(condition[o.lang]);
      if (displayWidth(text) <= INLINE_CONDITION_MAX) return text;
      const n = numbers.get(text) ?? numbers.size + 1;
      numbers.set(text, n);
      return o.m.words.conditionRef(n);
    },
    lines: () => [...numbers].flatMap(([text, n]) => wrapHanging(o.m.words.conditionNote(n), text, o.width)),
  };
}

/** One other grant of a row, as a phrase: its tier, whose grant it is, its conditions (each worded by `condition`). */
function alsoText(a: Access, { m, lang }: Wording, condition: (c: Condition) => string): string {
  return m.rows.also(m.tiers[a.tier], a.inherited_from === null ? null : clienteleTitle(a.holder, lang), a.conditions.map(condition));
}

/** Conditions and inheritance of a row, then each other grant that reaches the same pair, as one cell. */
function detailCell(a: AccessRow, o: PresentOptions, notes: ConditionNotes): Styled[] {
  return [
    ...a.conditions.map((c) => ({ text: notes.cellText(c), style: o.palette.warn })),
    ...(a.inherited_from === null ? [] : [{ text: inheritedText(a, o.m), style: o.palette.accent }]),
    ...a.also.map((other) => ({ text: alsoText(other, o, notes.cellText), style: o.palette.accent })),
  ];
}

/** A table, then the notes it refers to, then a count. */
function withNotes(table: string, notes: ConditionNotes, footer: string): string {
  const lines = notes.lines();
  return `${table}${lines.map((l) => `${l}\n`).join('')}${footer}\n`;
}

/** The conditions of an access in a CSV cell, one per line. */
function conditionsCsv(a: Access, lang: Lang): string {
  return csvList(a.conditions.map((c) => c[lang]));
}

function byTier<A extends Access>(access: readonly A[]): [Tier, A[]][] {
  return TIERS.map((tier): [Tier, A[]] => [tier, access.filter((a) => a.tier === tier)]).filter(([, list]) => list.length > 0);
}

function tierHeading(tier: Tier, n: number, o: PresentOptions): BoxRow {
  const label = o.m.tiers[tier];
  return { section: `${label.charAt(0).toUpperCase()}${label.slice(1)} (${formatNumber(o.lang, n)})`, style: o.palette.bold };
}

/** The line saying which grant condition a clientele's name carried, or none. */
function namedConditionLines(condition: Condition | null, o: PresentOptions): string[] {
  if (condition === null) return [];
  return wrap(o.m.questions.namedCondition(o.palette.warn(sanitizeText(condition[o.lang]))), o.width);
}

/** Text as a format shows it: as it is in a table (already sanitised), escaped for markdown (mdText). */
type Shown = (text: string) => string;
const asIs: Shown = (text) => text;

/**
 * The sentences saying how each name of the question was read by its words ("« messagerie » lu comme Messagerie
 * sécurisée [messagerie-securisee]"); `shown` applies to what was typed and to the catalogue's names.
 */
export function readAsSentences(readings: readonly NameReading[], { m, lang }: Wording, shown: Shown = asIs): string[] {
  const q = m.questions;
  return readings.map((r) => {
    const title = r.kind === 'service' ? serviceTitle(r.entity, lang) : clienteleTitle(r.entity, lang);
    const app = r.sub_application === null ? null : shown(sanitizeText(lang === 'fr' ? r.sub_application.name : r.sub_application.name_en));
    return q.readAs(shown(sanitizeText(r.input)), shown(`${title} [${r.entity.id}]`), app);
  });
}

/** The readings of a table answer, each wrapped to the width, dimmed: they say what was answered, before the answer. */
function readAsLines(readings: readonly NameReading[], o: PresentOptions): string[] {
  return readAsSentences(readings, o).flatMap((s) => wrap(s, o.width).map(o.palette.dim));
}

/** The readings of a markdown answer, one italic paragraph each (none when every name was a name). */
function readAsMarkdown(readings: readonly NameReading[], o: Wording): string {
  return readAsSentences(readings, o, mdText)
    .map((s) => `_${s}_\n\n`)
    .join('');
}

/** A line with a label before its text: the label is kept whole, the text wraps under it. */
interface Labelled {
  readonly label: string;
  readonly text: string;
}

/** Notes with their labels: their kind, and (with `about`, in `who`) the clienteles a note is about; `shown` applies to label and text. */
function labelledNotes(notes: readonly Note[], { m, lang }: Wording, about: boolean, shown: Shown = asIs): Labelled[] {
  return notes.map((n) => ({
    label: shown(about && n.clienteles.length > 0 ? m.can.noteAbout(m.noteKinds[n.kind], n.clienteles) : m.can.note(m.noteKinds[n.kind])),
    text: shown(sanitizeText(n[lang])),
  }));
}

/** Labelled notes for a terminal: the label in the accent colour, the text wrapped under it. */
function noteTableLines(notes: readonly Labelled[], o: PresentOptions): string[] {
  return notes.flatMap((n) => {
    // A label that would leave little room (a note about several clienteles, on a narrow terminal) wraps with its text.
    if (displayWidth(n.label) > o.width - Math.min(10, o.width / 4)) {
      // The label's closing colon stays on the line of the word before it: French typography puts a no-break space there.
      return wrap(`${n.label}${n.text}`, o.width, o.width - 2).map((l, i) => `${i === 0 ? '' : '  '}${l}`);
    }
    return wrapHanging(n.label, n.text, o.width, 2).map((l, i) =>
      i === 0 && l.startsWith(n.label) ? `${o.palette.accent(n.label)}${l.slice(n.label.length)}` : l,
    );
  });
}

/** Labelled notes in markdown: a paragraph each, after the answer. */
function noteMarkdown(notes: readonly Labelled[]): string {
  return notes.map((n) => `\n${n.label}${n.text}\n`).join('');
}

/** What CSV cannot carry, for its run to say on standard error: how the names were read, and the notes. */
export function csvRemarks(readings: readonly NameReading[], notes: readonly Note[], o: Wording, about: boolean): string[] {
  return [...readAsSentences(readings, o), ...labelledNotes(notes, o, about).map((n) => `${n.label}${n.text}`)];
}

/** `services` as a table: the clientele, its services by tier, the notes. */
export const servicesTable: Presenter<ServicesResult> = (r, o) => {
  const { lang, palette } = o;
  const head = [
    ...readAsLines(r.read_as, o),
    ...wrap(`${clienteleTitle(r.clientele, lang)} [${r.clientele.id}]`, o.width).map((l) => palette.bold(l)),
    ...namedConditionLines(r.named_condition, o),
  ].join('\n');
  const notes = noteTableLines(labelledNotes(r.notes, o, false), o)
    .map((l) => `${l}\n`)
    .join('');
  const w = o.m.words;
  if (r.access.length === 0) return `${head}\n${wrap(w.noService, o.width).join('\n')}\n${notes}`;
  const categories = new Map(r.categories.map((c) => [c.id, c]));
  const conditions = makeConditionNotes(o);
  const rows = byTier(r.access).flatMap(([tier, list]): BoxRow[] => [
    tierHeading(tier, list.length, o),
    ...list.map((a) => [
      serviceCell(a.service, lang, palette),
      categoryTitle(categories.get(a.service.category), a.service.category, lang),
      detailCell(a, o, conditions),
    ]),
  ]);
  const table = toBoxTable([w.service, w.category, w.conditions], rows, [8, 4, 5], o.width, palette, [
    { column: 1, label: w.fieldLabel(w.category) },
    { column: 2, label: w.fieldLabel(w.conditions) },
  ]);
  return `${head}\n${withNotes(table, conditions, o.m.counts.services(r.access.length))}${notes}`;
};

/** `services` as CSV: a row per service. */
export const servicesCsv: Presenter<ServicesResult> = (r) =>
  toCsv(
    ['clientele', 'tier', 'service', 'name', 'name_en', 'abbreviation', 'category', 'conditions', 'conditions_en', 'inherited_from', 'also', 'also_en'],
    r.access.map((a) => [
      r.clientele.id,
      a.tier,
      a.service.id,
      a.service.name,
      a.service.name_en,
      a.service.abbreviation,
      a.service.category,
      conditionsCsv(a, 'fr'),
      conditionsCsv(a, 'en'),
      a.inherited_from,
      csvGrants(a.also, 'fr'),
      csvGrants(a.also, 'en'),
    ]),
  );

/** A markdown answer: a bold title, then one row per access naming the other side (a service or a clientele), or a sentence when there is none. */
function accessMarkdown(title: string, id: string, access: readonly AccessRow[], other: 'service' | 'clientele', none: string, o: Wording): string {
  const { m, lang } = o;
  const head = `**${mdText(title)}** (${mdCode(id)})\n\n`;
  if (access.length === 0) return `${head}${mdText(none)}\n`;
  return (
    head +
    toMarkdownTable(
      [m.words.access, m.words[other], 'Id', m.words.conditions],
      access.map((a) => [
        m.tiers[a.tier],
        other === 'service' ? serviceTitle(a.service, lang) : clienteleTitle(a.clientele, lang),
        other === 'service' ? a.service.id : a.clientele.id,
        [conditionText(a.conditions, o), inheritedText(a, m), ...a.also.map((x) => alsoText(x, o, (c) => sanitizeText(c[lang])))]
          .filter(Boolean)
          .join(m.punctuation.semicolon),
      ]),
    )
  );
}

/** `services` in markdown. */
export const servicesMarkdown: Presenter<ServicesResult> = (r, o) => {
  const answer = accessMarkdown(clienteleTitle(r.clientele, o.lang), r.clientele.id, r.access, 'service', o.m.words.noService, o);
  const notes = noteMarkdown(labelledNotes(r.notes, o, false, mdText));
  const readAs = readAsMarkdown(r.read_as, o);
  if (r.named_condition === null) return `${readAs}${answer}${notes}`;
  const [title = '', ...rest] = answer.split('\n\n');
  return `${readAs}${[title, o.m.questions.namedCondition(mdText(r.named_condition[o.lang])), ...rest].join('\n\n')}${notes}`;
};

/** Shapes the result of `services` as the documented JSON. */
export function servicesToJson(r: ServicesResult): ServicesJson {
  return {
    command: 'services',
    clientele: clienteleJson(r.clientele),
    named_condition: r.named_condition,
    read_as: readAsJson(r.read_as),
    services: r.access.map((a) => ({ ...serviceJson(a.service), ...accessRowJson(a) })),
    notes: r.notes.map(noteJson),
  };
}

/** `services` as its JSON document. */
export const servicesJson: Presenter<ServicesResult> = (r, o) => toJson(withSource(servicesToJson(r), o));

/** `who` as a table: the service, its clienteles by tier, the notes. */
export const whoTable: Presenter<WhoResult> = (r, o) => {
  const { lang, palette } = o;
  const head = [...readAsLines(r.read_as, o), ...wrap(`${serviceTitle(r.service, lang)} [${r.service.id}]`, o.width).map((l) => palette.bold(l))].join('\n');
  const notes = noteTableLines(labelledNotes(r.notes, o, true), o)
    .map((l) => `${l}\n`)
    .join('');
  const w = o.m.words;
  if (r.access.length === 0) {
    return `${head}\n${wrap(r.service.grants.length === 0 ? w.noGrant : w.noClientele, o.width).join('\n')}\n${notes}`;
  }
  const conditions = makeConditionNotes(o);
  const rows = byTier(r.access).flatMap(([tier, list]): BoxRow[] => [
    tierHeading(tier, list.length, o),
    ...list.map((a) => [clienteleCell(a.clientele, lang, palette), detailCell(a, o, conditions)]),
  ]);
  const table = toBoxTable([w.clientele, w.conditions], rows, [3, 2], o.width, palette, [{ column: 1, label: w.fieldLabel(w.conditions) }]);
  return `${head}\n${withNotes(table, conditions, o.m.counts.clienteles(r.access.length))}${notes}`;
};

/** `who` as CSV: a row per clientele. */
export const whoCsv: Presenter<WhoResult> = (r) =>
  toCsv(
    ['service', 'tier', 'clientele', 'name', 'name_en', 'kind', 'conditions', 'conditions_en', 'inherited_from', 'also', 'also_en'],
    r.access.map((a) => [
      r.service.id,
      a.tier,
      a.clientele.id,
      a.clientele.name,
      a.clientele.name_en,
      a.clientele.kind,
      conditionsCsv(a, 'fr'),
      conditionsCsv(a, 'en'),
      a.inherited_from,
      csvGrants(a.also, 'fr'),
      csvGrants(a.also, 'en'),
    ]),
  );

/** `who` in markdown. */
export const whoMarkdown: Presenter<WhoResult> = (r, o) =>
  readAsMarkdown(r.read_as, o) +
  accessMarkdown(
    serviceTitle(r.service, o.lang),
    r.service.id,
    r.access,
    'clientele',
    r.service.grants.length === 0 ? o.m.words.noGrant : o.m.words.noClientele,
    o,
  ) +
  noteMarkdown(labelledNotes(r.notes, o, true, mdText));

/** Shapes the result of `who` as the documented JSON. */
export function whoToJson(r: WhoResult): WhoJson {
  return {
    command: 'who',
    service: serviceJson(r.service),
    read_as: readAsJson(r.read_as),
    access: r.access.map((a) => ({ clientele: clienteleJson(a.clientele), ...accessRowJson(a) })),
    notes: r.notes.map(noteJson),
  };
}

/** `who` as its JSON document. */
export const whoJson: Presenter<WhoResult> = (r, o) => toJson(withSource(whoToJson(r), o));

/** What `can` says: its sentences, then (for a "no") who holds the service by tier, then the notes that bear on the clientele's access. */
interface CanAnswer {
  readonly sentences: readonly string[];
  /**
   * Null when not shown (a "yes", or a service the source gives no list for); else a heading and one line per
   * tier (one line, unlabelled, when a tier was asked), or no heading and a sentence saying no one holds it at
   * the tier asked.
   */
  readonly holders: { readonly heading: string | null; readonly lines: readonly Labelled[]; readonly none: string | null } | null;
  readonly notes: readonly Labelled[];
}

function canAnswer(r: CanResult, o: Wording, strong: (s: string) => string, palette: PresentOptions['palette'], shown: Shown = asIs): CanAnswer {
  const { lang } = o;
  const c = shown(`${clienteleTitle(r.clientele, lang)} [${r.clientele.id}]`);
  const s = shown(`${serviceTitle(r.service, lang)} [${r.service.id}]`);
  const m = o.m.can;
  const tiers = o.m.tiers;
  const sentences: string[] = [];
  if (r.named_condition !== null) {
    const named = r.named_condition;
    const here = r.any_tier.some((a) => a.conditions.some((k) => k.fr === named.fr));
    const q = o.m.questions;
    sentences.push((here ? q.namedCondition : q.namedConditionElsewhere)(palette.warn(shown(sanitizeText(named[lang])))));
  }
  const no = strong(palette.bad(m.noWord));
  if (r.eligible && r.best) {
    sentences.push(m.yes(strong(palette.good(m.yesWord)), c, s, tiers[r.best.tier]));
    for (const a of r.access) {
      if (a !== r.best) sentences.push(m.also(tiers[a.tier], a.inherited_from));
      else if (a.inherited_from !== null) sentences.push(m.inherited(a.inherited_from));
      for (const cond of a.conditions) sentences.push(m.condition(palette.warn(shown(sanitizeText(cond[lang])))));
    }
  } else if (r.service.grants.length === 0) {
    sentences.push(m.noList(no, c, s));
  } else if (r.required_tier !== null && r.any_tier.length > 0) {
    const others = r.any_tier.map((a) => tiers[a.tier]).join(', ');
    sentences.push(m.notAtTier(no, c, s, tiers[r.required_tier], others));
  } else {
    sentences.push(m.no(no, c, s));
  }
  // A "no" says who does hold the service (at the tier asked, if any), unless the source gives no list at all.
  const holderList = (list: readonly Access[]): string =>
    m.holderList(
      list.map((a) =>
        m.holder(
          shown(clienteleTitle(a.clientele, lang)),
          a.conditions.map((k) => shown(sanitizeText(k[lang]))),
        ),
      ),
    );
  const tierAsked = r.required_tier === null ? null : tiers[r.required_tier];
  const holders =
    r.eligible || r.service.grants.length === 0
      ? null
      : r.holders.length === 0 && tierAsked !== null
        ? { heading: null, lines: [], none: m.noHolder(tierAsked) }
        : {
            heading: m.holders(tierAsked),
            lines:
              tierAsked !== null
                ? [{ label: '', text: holderList(r.holders) }]
                : byTier(r.holders).map(([tier, list]) => {
                    const label = tiers[tier];
                    return { label: o.m.words.fieldLabel(`${label.charAt(0).toUpperCase()}${label.slice(1)}`), text: holderList(list) };
                  }),
            none: null,
          };
  return { sentences, holders, notes: labelledNotes(r.notes, o, false, shown) };
}

/** `can` for a terminal: the sentences, the holders under their heading (a line per tier), the notes; each wrapped to the width. */
export function canTable(r: CanResult, o: PresentOptions): string {
  const a = canAnswer(r, o, o.palette.bold, o.palette);
  const lines = [...readAsLines(r.read_as, o), ...a.sentences.flatMap((line) => wrap(line, o.width))];
  if (a.holders !== null) {
    if (a.holders.heading !== null) lines.push(...wrap(a.holders.heading, o.width).map(o.palette.bold));
    for (const l of a.holders.lines) lines.push(...wrapHanging(`- ${l.label}`, l.text, o.width, 2));
    if (a.holders.none !== null) lines.push(...wrap(a.holders.none, o.width));
  }
  lines.push(...noteTableLines(a.notes, o));
  return lines.join('\n') + '\n';
}

/** `can` in markdown: one paragraph per sentence, the holders as a list under their heading, one paragraph per note. */
export function canMarkdown(r: CanResult, o: PresentOptions): string {
  const a = canAnswer(r, o, (t) => `**${t}**`, o.palette, mdText);
  const paragraphs = [...a.sentences];
  if (a.holders !== null) {
    if (a.holders.heading !== null) paragraphs.push(a.holders.heading);
    if (a.holders.lines.length > 0) paragraphs.push(a.holders.lines.map((l) => `- ${l.label}${l.text}`).join('\n'));
    if (a.holders.none !== null) paragraphs.push(a.holders.none);
  }
  paragraphs.push(...a.notes.map((n) => `${n.label}${n.text}`));
  return readAsMarkdown(r.read_as, o) + paragraphs.join('\n\n') + '\n';
}

/** Shapes the result of `can` as the documented JSON. */
export function canToJson(r: CanResult): CanJson {
  return {
    command: 'can',
    clientele: clienteleJson(r.clientele),
    service: serviceJson(r.service),
    named_condition: r.named_condition,
    read_as: readAsJson(r.read_as),
    eligible: r.eligible,
    tier: r.best?.tier ?? null,
    conditions: r.best ? accessJson(r.best).conditions : [],
    inherited_from: r.best?.inherited_from ?? null,
    access: r.access.map(accessJson),
    holders: r.holders.map(holderJson),
    notes: r.notes.map(noteJson),
  };
}

/** The holders of a `can` answer in a CSV cell: a line per tier, the tier then the ids. */
function holdersCsv(r: CanResult): string {
  return csvList(byTier(r.holders).map(([tier, list]) => [tier, ...list.map((a) => a.clientele.id)].join(' ')));
}

/** The notes of a `can` answer in a CSV cell: a line per note, `kind: text`. */
function notesCsv(r: CanResult, lang: Lang): string {
  return csvList(r.notes.map((n) => `${n.kind}: ${n[lang]}`));
}

/** `can` as its JSON document. */
export const canJson: Presenter<CanResult> = (r, o) => toJson(withSource(canToJson(r), o));

/** `can` as CSV: one row, the answer with its holders and notes. */
export const canCsv: Presenter<CanResult> = (r) =>
  toCsv(
    ['clientele', 'service', 'eligible', 'tier', 'conditions', 'conditions_en', 'inherited_from', 'holders', 'notes', 'notes_en'],
    [
      [
        r.clientele.id,
        r.service.id,
        r.eligible,
        r.best?.tier ?? null,
        r.best ? conditionsCsv(r.best, 'fr') : '',
        r.best ? conditionsCsv(r.best, 'en') : '',
        r.best?.inherited_from ?? null,
        holdersCsv(r),
        notesCsv(r, 'fr'),
        notesCsv(r, 'en'),
      ],
    ],
  );
