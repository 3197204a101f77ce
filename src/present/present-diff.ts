import type { Condition, Note } from '../catalog/model';
import type { AccessSummary, CatalogDiff, Change, DiffNames, Effect } from '../query/diff-catalogs';
import { inlineName, nameIn } from './entity-labels';
import type { Presenter } from './output-format';
import { toJson } from './json-output';
import type { Messages } from './messages/messages';
import type { Lang, Palette, Wording } from './options';
import { sanitizeText, visibleCodePoint } from './sanitize';
import { mdCode, mdFence } from './markdown';
import { displayWidth, wrapHanging } from './text-formats';

/** What the diff presenters need besides the diff. */
export interface DiffReport {
  readonly diff: CatalogDiff;
  readonly before: string;
  readonly after: string;
  readonly names: DiffNames;
}

function fieldName(field: string, t: Messages['diff']): string {
  return (t.fields as Readonly<Record<string, string>>)[field] ?? field;
}

/** Spaces that look like a plain space but are not one: no-break, narrow no-break, figure, thin, ideographic... */
const LOOKALIKE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * A catalogue text as a change shows it, quoted: neutralised for the terminal, and a space that is not a
 * plain space written as `\u{a0}`, so that a change from one to the other does not show two identical texts.
 */
function quoted(s: string): string {
  return `"${sanitizeText(s).replace(LOOKALIKE_SPACES, visibleCodePoint)}"`;
}

const q = (s: string | null): string => (s === null ? 'null' : quoted(s));

const OTHER: Record<Lang, Lang> = { fr: 'en', en: 'fr' };

/**
 * A condition's or a note's text in the output language; with `both`, followed by its text in the other
 * language, for a change made to that text only (which would otherwise show the same text before and after).
 */
function bilingualText(c: Readonly<Record<Lang, string>>, lang: Lang, both = false): string {
  return both ? `${quoted(c[lang])} / ${quoted(c[OTHER[lang]])}` : quoted(c[lang]);
}

function conditionsText(cs: readonly Condition[], lang: Lang, both = false): string {
  return cs.map((c) => bilingualText(c, lang, both)).join(', ');
}

function accessText(list: readonly AccessSummary[], { m, lang }: Wording, both = false): string {
  if (list.length === 0) return m.diff.noAccess;
  return list
    .map((a) => {
      const parts = [m.tiers[a.tier]];
      if (a.conditions.length > 0) parts.push(m.diff.conditions(conditionsText(a.conditions, lang, both)));
      if (a.inherited_from !== null) parts.push(m.diff.inherited(a.inherited_from));
      return parts.join(m.punctuation.semicolon);
    })
    .join(' | ');
}

/** An entry added or removed, quoted by its name as the language names it: the official one, and in English the English one before it. */
function quotedName(c: Extract<Change, { type: 'added' | 'removed' }>, names: DiffNames, lang: Lang): string {
  const entry = names[c.entry].get(c.id);
  // Both names when the language's name is not the official one (see inlineName).
  return entry === undefined ? q(c.name) : bilingualText({ fr: entry.name, en: entry.name_en }, lang, nameIn(entry, lang) !== entry.name);
}

/** One change as one line (without its marker). */
function changeLine(c: Change, names: DiffNames, { m, lang }: Wording): { mark: '+' | '-' | '~'; text: string } {
  const t = m.diff;
  const { colon, semicolon } = m.punctuation;
  const entry = 'entry' in c ? t.entries[c.entry] : '';
  switch (c.type) {
    case 'added':
      return { mark: '+', text: `${entry} ${c.id} ${quotedName(c, names, lang)} ${t.added}` };
    case 'removed':
      return { mark: '-', text: `${entry} ${c.id} ${quotedName(c, names, lang)} ${t.removed}` };
    case 'renamed':
      return { mark: '~', text: `${entry} ${c.id} ${t.renamed(fieldName(c.field, t))}${colon}${q(c.from)} -> ${q(c.to)}` };
    case 'field-changed':
      return { mark: '~', text: `${entry} ${c.id}${colon}${fieldName(c.field, t)} ${q(c.from)} -> ${q(c.to)}` };
    case 'source-changed':
      return { mark: '~', text: `${t.source}${colon}${fieldName(c.field, t)} ${q(c.from)} -> ${q(c.to)}` };
    case 'names-changed':
      return {
        mark: '~',
        text: `${entry} ${c.id}${colon}${fieldName(c.field, t)}${c.added.map((n) => ` +${q(n)}`).join('')}${c.removed.map((n) => ` -${q(n)}`).join('')}`,
      };
    case 'description-changed': {
      // Changed in the other language only: that language's text is the change, named by its code.
      const shown = c.from !== null && c.to !== null && c.from[lang] === c.to[lang] ? OTHER[lang] : lang;
      const label = shown === lang ? t.description : `${t.description} (${shown})`;
      return { mark: '~', text: `${entry} ${c.id}${colon}${label}${colon}${q(c.from?.[shown] ?? null)} -> ${q(c.to?.[shown] ?? null)}` };
    }
    case 'notes-changed': {
      const tag = (n: Note): string => t.noteTag(m.noteKinds[n.kind], n.clienteles);
      // A note changed in the other language only reads the same in this one: both languages then show.
      const removed = new Set(c.removed.map((n) => `${tag(n)} ${n[lang]}`));
      const both = c.added.some((n) => removed.has(`${tag(n)} ${n[lang]}`));
      const note = (n: Note): string => `${tag(n)} ${bilingualText(n, lang, both)}`;
      return {
        mark: '~',
        text: `${entry} ${c.id}${colon}${t.notes}${c.added.map((n) => ` +${note(n)}`).join('')}${c.removed.map((n) => ` -${note(n)}`).join('')}`,
      };
    }
    case 'sub-applications-changed':
      return {
        mark: '~',
        text: `${entry} ${c.id}${colon}${t.subApps}${c.added.map((a) => ` +${q(a.name)}`).join('')}${c.removed.map((a) => ` -${q(a.name)}`).join('')}`,
      };
    case 'grant-added':
    case 'grant-removed': {
      const cond = c.conditions.length > 0 ? `${semicolon}${t.conditions(conditionsText(c.conditions, lang))}` : '';
      return { mark: c.type === 'grant-added' ? '+' : '-', text: `${t.grant} ${c.service} -> ${c.clientele} (${m.tiers[c.tier]}${cond})` };
    }
    case 'tier-changed':
      return { mark: '~', text: `${t.grant} ${c.service} -> ${c.clientele}${colon}${t.tier} ${m.tiers[c.from]} -> ${m.tiers[c.to]}` };
    case 'conditions-changed': {
      // A condition changed in the other language only reads the same in this one: both languages then show.
      const removed = new Set(c.removed.map((x) => x[lang]));
      const both = c.added.some((x) => removed.has(x[lang]));
      const list = [...c.added.map((x) => `+${bilingualText(x, lang, both)}`), ...c.removed.map((x) => `-${bilingualText(x, lang, both)}`)];
      return { mark: '~', text: `${t.grant} ${c.service} -> ${c.clientele}${colon}${t.conditions(list.join(' '))}` };
    }
  }
}

/** An entry of an effect: its id, then its name as the other answers in the language name it (see inlineName). */
function named(id: string, names: DiffNames['service'], lang: Lang): string {
  const entry = names.get(id);
  return entry === undefined ? id : `${id} (${inlineName(entry, lang)})`;
}

function effectLine(e: Effect, r: DiffReport, o: Wording): { mark: '+' | '-' | '~'; text: string } {
  const say = o.m.diff.effect;
  const who = named(e.clientele, r.names.clientele, o.lang);
  const what = named(e.service, r.names.service, o.lang);
  switch (e.effect) {
    case 'gained':
      return { mark: '+', text: say.gained(who, what, accessText(e.after, o)) };
    case 'lost':
      return { mark: '-', text: say.lost(who, what, accessText(e.before, o)) };
    case 'changed': {
      const both = accessText(e.before, o) === accessText(e.after, o);
      return { mark: '~', text: say.changed(who, what, accessText(e.before, o, both), accessText(e.after, o, both)) };
    }
  }
}

/** One change or effect under its mark, wrapped to the width (the lines it wraps onto indented under the text), colored by its mark. */
function markedLines(mark: '+' | '-' | '~', text: string, palette: Palette, width: number): string[] {
  const color = mark === '+' ? palette.good : mark === '-' ? palette.bad : palette.warn;
  return wrapHanging(`${mark} `, text, width, 2).map(color);
}

function diffText(r: DiffReport, palette: Palette, o: Wording, width: number): string {
  const t = o.m.diff;
  // The two paths are never broken (tools and people copy them): "A -> B" on one line when it fits, else "A" and "-> B".
  const before = sanitizeText(r.before);
  const after = sanitizeText(r.after);
  const oneLine = `${before} -> ${after}`;
  const head = (displayWidth(oneLine) <= width ? [oneLine] : [before, `-> ${after}`]).map(palette.bold);
  if (r.diff.changes.length === 0 && r.diff.effects.length === 0) return `${head.join('\n')}\n${t.none}\n`;
  const lines = [...head, '', palette.bold(t.changes)];
  for (const c of r.diff.changes) {
    const { mark, text } = changeLine(c, r.names, o);
    lines.push(...markedLines(mark, text, palette, width));
  }
  if (r.diff.effects.length > 0) {
    lines.push('', palette.bold(t.effects));
    for (const e of r.diff.effects) {
      const { mark, text } = effectLine(e, r, o);
      lines.push(...markedLines(mark, text, palette, width));
    }
  }
  lines.push('', t.summary(r.diff.changes.length, r.diff.effects.length));
  return lines.join('\n') + '\n';
}

/** `diff` in markdown. */
export function diffMarkdown(r: DiffReport, o: Wording): string {
  const t = o.m.diff;
  const title = `### ramq-access diff: ${mdCode(r.before)} → ${mdCode(r.after)}`;
  if (r.diff.changes.length === 0 && r.diff.effects.length === 0) return `${title}\n\n${t.none}\n`;
  // In a ```diff block, "!" marks a changed line as git's own diffs do.
  const marked = ({ mark, text }: { mark: '+' | '-' | '~'; text: string }): string => `${mark === '~' ? '!' : mark} ${text}`;
  const out = [
    title,
    '',
    `**${t.summary(r.diff.changes.length, r.diff.effects.length)}**`,
    '',
    `#### ${t.changes}`,
    '',
    mdFence(
      'diff',
      r.diff.changes.map((c) => marked(changeLine(c, r.names, o))),
    ),
  ];
  if (r.diff.effects.length > 0)
    out.push(
      '',
      `#### ${t.effects}`,
      '',
      mdFence(
        'diff',
        r.diff.effects.map((e) => marked(effectLine(e, r, o))),
      ),
    );
  return out.join('\n') + '\n';
}

/** `diff --json`: every change and every effect, with counts. */
export function diffToJson(r: DiffReport): unknown {
  return {
    command: 'diff',
    before: r.before,
    after: r.after,
    changed: r.diff.changes.length > 0 || r.diff.effects.length > 0,
    changes: r.diff.changes,
    effects: r.diff.effects,
    counts: {
      changes: r.diff.changes.length,
      effects: r.diff.effects.length,
      gained: r.diff.effects.filter((e) => e.effect === 'gained').length,
      lost: r.diff.effects.filter((e) => e.effect === 'lost').length,
      changed: r.diff.effects.filter((e) => e.effect === 'changed').length,
    },
  };
}

/** `diff` for a terminal: a line per change, marked, then its effects. */
export const diffTable: Presenter<DiffReport> = (r, o) => diffText(r, o.palette, o, o.lineWidth);

/** `diff` as its JSON document. */
export const diffJson: Presenter<DiffReport> = (r) => toJson(diffToJson(r));
