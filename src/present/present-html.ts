import type { Catalog, Condition, Tier } from '../catalog/model';
import { TIERS } from '../catalog/model';
import type { Access, WhoResult } from '../query/access';
import type { Wording } from './options';
import { sanitizeText, stringifyJson } from './sanitize';
import { serviceShortNames } from './service-short-names';
import { sourceLine } from './source-line';

/** What the page shows: the catalogue, and for each service everyone who may use it (heirs included). */
export interface ExportData {
  readonly catalog: Catalog;
  readonly who: readonly WhoResult[];
  readonly generated: string;
  readonly version: string;
}

// One mark per tier, the same in both languages: filled = given with the account, hollow = to ask for, tick = listed.
const TIER_MARKS = { creation: '●', request: '○', unspecified: '✓' } as const satisfies Record<Tier, string>;
// Parents stand above their specialisations in the matrix: the arrow points at where the grant comes from.
const INHERITED_MARK = '↑';

// Catalogue text is checked, but the page must not trust it: a bidi override or an invisible character
// in a name would make the page show something else than what is written. They are shown as `\u{..}`.
function escapeHtml(s: string): string {
  return sanitizeText(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Fills the `{key}` slots of a string of the page. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, key: string) => values[key] ?? slot);
}

/** Every string of a value shown as sanitizeText shows it: the page's script puts them in the page as they are. */
function visibleStrings(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) return value.map(visibleStrings);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleStrings(v)]));
  return value;
}

/** JSON that can sit inside a <script> element without ending it, its strings made visible (see visibleStrings). */
function scriptJson(value: unknown): string {
  return stringifyJson(visibleStrings(value)).replace(/</g, '\\u003c');
}

const CSS = `
:root { --fg: #1b1f24; --muted: #5b6470; --line: #d9dee4; --bg: #fff; --soft: #f4f6f8; --zebra: #f8fafb; --hover: #e8f1fb; --accent: #0b5cad; --c: #1a7f37; --r: #9a6700; --l: #57606a; --cat: #8c959f; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 1.5rem; margin: 20px 0 4px; }
h2 { margin: 28px 0 8px; }
h3 { font-size: 1rem; margin: 18px 0 6px; }
.intro { color: var(--muted); margin: 0 0 16px; }
.filters { position: sticky; top: 0; z-index: 5; background: var(--bg); display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px 12px; padding: 10px 0; border-bottom: 1px solid var(--line); }
.filters label, .pick label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: 2px; }
select, input[type=search] { font: inherit; padding: 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; min-width: 0; width: 100%; }
.count { color: var(--muted); font-size: .9rem; margin: 12px 0; }
.service { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 12px; padding: 12px 14px; }
.service h3 { margin: 0; font-size: 1.1rem; }
.meta { color: var(--muted); font-size: .85rem; margin: 2px 0 6px; }
.service .id, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; background: var(--soft); padding: 0 4px; border-radius: 4px; }
.access { list-style: none; padding: 0; margin: 6px 0; }
.access li { padding: 4px 0; border-top: 1px dashed var(--line); }
.tier { display: inline-block; min-width: 1.6em; text-align: center; font-weight: 700; border-radius: 4px; margin-right: 6px; color: #fff; font-size: .8rem; padding: 0 4px; }
.tier-creation { background: var(--c); } .tier-request { background: var(--r); } .tier-unspecified { background: var(--l); }
.cond { color: var(--r); font-size: .9rem; }
.inh { color: var(--accent); font-size: .85rem; }
details { margin-top: 6px; } summary { cursor: pointer; color: var(--accent); }
.help { color: var(--muted); font-size: .9rem; margin: 0 0 8px; }
.mark { display: inline-block; min-width: 1em; text-align: center; font-weight: 700; }
.mark.creation { color: var(--c); } .mark.request { color: var(--r); } .mark.unspecified { color: var(--l); }
.mark-inh { color: var(--accent); font-weight: 700; }
sup.note-no { color: var(--r); font-weight: 700; font-size: .75em; }
ul.symbols { list-style: none; padding: 0; margin: 0 0 10px; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: .85rem; color: var(--muted); }
ul.symbols li { white-space: nowrap; } ul.symbols .mark, ul.symbols .mark-inh, ul.symbols sup { margin-right: 4px; }
.matrix-wrap { overflow: auto; max-height: max(240px, calc(100vh - 140px)); border: 1px solid var(--line); border-radius: 8px; background: var(--bg); }
table.matrix { border-collapse: separate; border-spacing: 0; font-size: .8rem; }
table.matrix th, table.matrix td { border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: 3px 4px; }
table.matrix thead th { position: sticky; top: 0; z-index: 2; background: var(--soft); vertical-align: bottom; font-weight: 600; }
table.matrix thead th .vlabel { display: inline-block; writing-mode: vertical-rl; text-orientation: sideways; transform: rotate(180deg); max-height: 12em; line-height: 1.15; text-align: start; white-space: normal; }
table.matrix th.row { position: sticky; left: 0; z-index: 1; background: var(--bg); text-align: left; font-weight: 500; min-width: 200px; max-width: 240px; }
table.matrix thead th.row { z-index: 3; background: var(--soft); font-weight: 700; }
table.matrix td { text-align: center; min-width: 2.1em; font-size: 1rem; line-height: 1.1; white-space: nowrap; }
table.matrix .cat-start { border-left: 2px solid var(--cat); }
table.matrix tbody tr:nth-child(even) > * { background: var(--zebra); }
table.matrix tbody tr:hover > * { background: var(--hover); }
table.matrix td sup.note-no { margin-left: 1px; }
table.matrix td .mark-inh { font-size: .75em; vertical-align: super; }
ol.notes { list-style: none; padding: 0; margin: 0; font-size: .9rem; }
ol.notes li { margin: 0 0 4px; } ol.notes sup { margin-right: 4px; }
.keys { columns: 2 24em; column-gap: 32px; font-size: .85rem; }
.keys section { break-inside: avoid-column; }
.keys h4 { margin: 0 0 2px; padding-top: 8px; font-size: .85rem; color: var(--muted); break-after: avoid; }
.keys ul { list-style: none; padding: 0; margin: 0; }
.keys li { margin: 0 0 3px; padding-left: 1em; text-indent: -1em; }
.keys .key { font-weight: 700; margin-right: .5em; }
.by-clientele { display: none; }
.by-clientele ul { list-style: none; padding: 0; margin: 0 0 8px; }
.by-clientele li { padding: 5px 0; border-top: 1px dashed var(--line); }
.by-clientele h4 { margin: 12px 0 4px; font-size: .95rem; }
.by-clientele h4 .label { display: inline-block; } .by-clientele h4 .label::first-letter { text-transform: uppercase; }
.by-clientele .mark { margin-right: 6px; }
.hidden { display: none !important; }
footer { color: var(--muted); font-size: .8rem; padding: 24px 16px; }
@media (max-width: 600px) {
  h1 { font-size: 1.25rem; }
  .filters { position: static; grid-template-columns: 1fr 1fr; } .filters label.search { grid-column: 1 / -1; }
  .by-clientele { display: block; margin-bottom: 16px; }
  .matrix-wrap { max-height: 80vh; }
  table.matrix { font-size: .75rem; }
  table.matrix th.row { min-width: 9.5rem; width: 9.5rem; max-width: 9.5rem; font-size: .72rem; line-height: 1.3; overflow-wrap: break-word; }
  .keys { grid-template-columns: 1fr; }
}
`;

// The page's script: everything it shows is set with textContent, never parsed as HTML.
const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  var ui = data.ui;
  var $ = function (id) { return document.getElementById(id); };
  var fill = function (t, values) { return t.replace(/\\{(\\w+)\\}/g, function (slot, k) { return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : slot; }); };
  var norm = function (s) { return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/[\\u2018\\u2019']/g, "'").replace(/[-\\u2010-\\u2015]/g, ' ').replace(/\\s+/g, ' ').trim(); };
  var el = function (tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  // maps keyed by catalogue ids have no prototype: an id such as "constructor" must find nothing but itself
  var map = function () { return Object.create(null); };
  var clienteles = map(); data.clienteles.forEach(function (c) { clienteles[c.id] = c; });
  var categories = map(); data.categories.forEach(function (c) { categories[c.id] = c; });
  var services = map(); data.services.forEach(function (s) { services[s.id] = s; });
  var name = function (x) { return data.lang === 'en' ? x.name_en : x.name; };
  var fullName = function (s) { return name(s) + (s.abbreviation ? ' (' + s.abbreviation + ')' : ''); };
  var tiers = map(); data.tiers.forEach(function (t) { tiers[t.id] = t; });
  function options(select, items, all) {
    if (all !== null) select.appendChild(new Option(all, ''));
    items.forEach(function (it) { select.appendChild(new Option(it.label, it.value)); });
  }
  var clienteleOptions = data.clienteles.map(function (c) { return { value: c.id, label: name(c) }; });
  options($('f-clientele'), clienteleOptions, ui.allClienteles);
  options($('f-category'), data.categories.map(function (c) { return { value: c.id, label: name(c) }; }), ui.allCategories);
  options($('f-tier'), data.tiers.map(function (t) { return { value: t.id, label: t.label }; }), ui.allTiers);
  options($('m-clientele'), clienteleOptions, null);

  function searchText(s) {
    return norm([s.id, s.name, s.name_en, s.short, s.abbreviation || '', s.aliases.join(' '), s.description.fr, s.description.en,
      s.notes.map(function (n) { return n.fr + ' ' + n.en; }).join(' '),
      s.access.map(function (a) { var c = clienteles[a.clientele]; return c.name + ' ' + c.name_en; }).join(' ')].join(' '));
  }
  data.services.forEach(function (s) { s.search = searchText(s); });

  function noteMarks(parent, numbers) {
    numbers.forEach(function (n) { parent.appendChild(el('sup', 'note-no', String(n))); });
  }
  function conditionLines(parent, g) {
    g.conditions.forEach(function (c, i) {
      var line = el('div', 'cond', fill(ui.conditionLine, { text: c[data.lang] }));
      noteMarks(line, [g.notes[i]]);
      parent.appendChild(line);
    });
  }
  // The other grants that reach the same clientele and service, each with its tier, where it comes from and its conditions.
  function alsoText(g) {
    return g.inherited_from ? fill(ui.alsoInherited, { tier: tiers[g.tier].label, name: name(clienteles[g.inherited_from]) }) : fill(ui.alsoOwn, { tier: tiers[g.tier].label });
  }
  // The lines that explain one access: where it is inherited from, its conditions, then its other grants (a row has them).
  function accessDetails(parent, a) {
    if (a.inherited_from) parent.appendChild(el('div', 'inh', data.inheritedMark + ' ' + fill(ui.inheritedFrom, { name: name(clienteles[a.inherited_from]) })));
    conditionLines(parent, a);
    (a.also || []).forEach(function (g) {
      parent.appendChild(el('div', 'inh', alsoText(g)));
      conditionLines(parent, g);
    });
  }
  // Every grant of a row, best first; the row when no tier is asked for, else its first grant of that tier (or nothing).
  function grantsOf(a) { return [a].concat(a.also); }
  function tierList(a) { return grantsOf(a).map(function (g) { return g.tier; }).join(' '); }
  function grantAt(a, ft) {
    if (!ft) return a;
    var g = grantsOf(a).filter(function (x) { return x.tier === ft; })[0];
    return g ? { tier: g.tier, conditions: g.conditions, notes: g.notes, inherited_from: g.inherited_from, also: [] } : null;
  }
  function hasTier(el, ft) { return (' ' + (el.dataset.tiers || '') + ' ').indexOf(' ' + ft + ' ') !== -1; }

  function accessItem(a) {
    var li = el('li');
    li.dataset.clientele = a.clientele; li.dataset.tier = a.tier; li.dataset.tiers = tierList(a);
    var badge = el('span', 'tier tier-' + a.tier, tiers[a.tier].mark); badge.title = tiers[a.tier].label;
    li.appendChild(badge);
    li.appendChild(document.createTextNode(name(clienteles[a.clientele]) + ' — ' + tiers[a.tier].label));
    accessDetails(li, a);
    return li;
  }

  var list = $('services');
  data.services.forEach(function (s) {
    var card = el('article', 'service'); card.id = 'service-' + s.id; card.dataset.id = s.id;
    card.appendChild(el('h3', null, fullName(s)));
    var meta = el('div', 'meta');
    meta.appendChild(el('span', 'id', s.id));
    meta.appendChild(document.createTextNode(' · ' + name(categories[s.category])));
    card.appendChild(meta);
    if (name(s) !== s.name) card.appendChild(el('div', 'meta', fill(ui.officialName, { name: s.name })));
    if (s.name_is_descriptive) card.appendChild(el('div', 'meta', ui.descriptive));
    card.appendChild(el('p', null, s.description[data.lang]));
    card.appendChild(el('strong', null, ui.who));
    if (s.access.length === 0) card.appendChild(el('p', 'meta', ui.noList));
    var ul = el('ul', 'access'); s.access.forEach(function (a) { ul.appendChild(accessItem(a)); }); card.appendChild(ul);
    if (s.notes.length || s.sub_applications.length) {
      var d = el('details'); d.appendChild(el('summary', null, ui.notes));
      s.notes.forEach(function (n) { d.appendChild(el('p', null, fill(ui.noteLine, { label: n.label, text: n[data.lang] }))); });
      if (s.sub_applications.length) {
        d.appendChild(el('strong', null, ui.subApps));
        var sub = el('ul'); s.sub_applications.forEach(function (a) { sub.appendChild(el('li', null, name(a) + ' — ' + a.description[data.lang])); }); d.appendChild(sub);
      }
      card.appendChild(d);
    }
    list.appendChild(card);
  });

  // matrix: short labels in the header, the full name in the title and in the key below
  var table = $('matrix'), thead = el('thead'), hr = el('tr'), corner = el('th', 'row', ui.clientele);
  var cellsOf = map();
  corner.scope = 'col';
  hr.appendChild(corner);
  var firstOfCategory = map();
  data.services.forEach(function (s, i) { firstOfCategory[s.id] = i > 0 && data.services[i - 1].category !== s.category; });
  data.services.forEach(function (s) {
    var th = el('th', firstOfCategory[s.id] ? 'cat-start' : null); th.scope = 'col'; th.title = fullName(s); th.dataset.service = s.id;
    th.appendChild(el('span', 'vlabel', s.short));
    hr.appendChild(th); cellsOf[s.id] = [th];
  });
  thead.appendChild(hr); table.appendChild(thead);
  var tbody = el('tbody');
  data.clienteles.forEach(function (c) {
    var tr = el('tr'); tr.dataset.clientele = c.id;
    var rh = el('th', 'row', name(c)); rh.scope = 'row';
    tr.appendChild(rh);
    data.services.forEach(function (s) {
      var mine = s.access.filter(function (a) { return a.clientele === c.id; });
      var td = el('td', firstOfCategory[s.id] ? 'cat-start' : null); td.dataset.service = s.id;
      var best = mine[0];
      if (best) {
        td.dataset.tier = best.tier; td.dataset.tiers = tierList(best);
        td.appendChild(el('span', 'mark ' + best.tier, tiers[best.tier].mark));
        if (best.inherited_from) td.appendChild(el('span', 'mark-inh', data.inheritedMark));
        noteMarks(td, [].concat.apply([], grantsOf(best).map(function (g) { return g.notes; })));
        var conditionText = function (g) { return g.conditions.map(function (k) { return fill(ui.conditionLine, { text: k[data.lang] }); }); };
        td.title = [fullName(s), name(c) + ' — ' + tiers[best.tier].label]
          .concat(best.inherited_from ? [fill(ui.inheritedFrom, { name: name(clienteles[best.inherited_from]) })] : [])
          .concat(conditionText(best))
          .concat([].concat.apply([], best.also.map(function (g) { return [alsoText(g)].concat(conditionText(g)); })))
          .join('\\n');
        td.setAttribute('aria-label', td.title.replace(/\\n/g, '. '));
      }
      tr.appendChild(td); cellsOf[s.id].push(td);
    });
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);

  var notes = $('matrix-notes');
  data.condition_notes.forEach(function (n) {
    var li = el('li'); li.id = 'note-' + n.number;
    li.appendChild(el('sup', 'note-no', String(n.number)));
    li.appendChild(document.createTextNode(fill(ui.conditionNote, {
      service: fullName(services[n.service]),
      clienteles: n.clienteles.map(function (id) { return name(clienteles[id]); }).join(', '),
      text: n.text[data.lang],
    })));
    notes.appendChild(li);
  });
  $('matrix-notes-block').classList.toggle('hidden', data.condition_notes.length === 0);

  // the key: each column's label, then the full name when the label is not already it
  var keys = $('matrix-keys');
  data.categories.forEach(function (k) {
    var mine = data.services.filter(function (s) { return s.category === k.id; });
    if (!mine.length) return;
    var group = el('section'); group.appendChild(el('h4', null, name(k)));
    var ul = el('ul');
    mine.forEach(function (s) {
      var li = el('li'); li.dataset.service = s.id;
      li.appendChild(el('span', 'key', s.short));
      if (s.short !== name(s)) li.appendChild(el('span', null, name(s)));
      ul.appendChild(li);
    });
    group.appendChild(ul); keys.appendChild(group);
  });

  // by clientele (narrow screens): one clientele's services, grouped by tier
  var pick = $('m-clientele'), by = $('by-clientele-list');
  function showByClientele(visible, ft) {
    by.textContent = '';
    var cid = pick.value, groups = map(), any = false;
    data.tiers.forEach(function (t) { groups[t.id] = []; });
    data.services.forEach(function (s) {
      if (!visible[s.id]) return;
      var row = s.access.filter(function (a) { return a.clientele === cid; })[0];
      var shown = row && grantAt(row, ft);
      if (shown) groups[shown.tier].push({ s: s, a: shown });
    });
    data.tiers.forEach(function (t) {
      var items = groups[t.id];
      if (!items.length) return;
      any = true;
      var h = el('h4'); h.appendChild(el('span', 'mark ' + t.id, t.mark)); h.appendChild(el('span', 'label', t.label + ' (' + items.length + ')'));
      by.appendChild(h);
      var ul = el('ul');
      items.forEach(function (it) {
        var li = el('li'); li.dataset.service = it.s.id;
        li.appendChild(el('span', 'mark ' + t.id, t.mark));
        li.appendChild(document.createTextNode(fullName(it.s)));
        accessDetails(li, it.a);
        ul.appendChild(li);
      });
      by.appendChild(ul);
    });
    if (!any) by.appendChild(el('p', 'meta', ui.byClienteleNone));
  }

  function apply() {
    var fc = $('f-clientele').value, fk = $('f-category').value, ft = $('f-tier').value, q = norm($('f-search').value);
    var shown = 0, visibleSet = map();
    data.services.forEach(function (s) {
      var card = $('service-' + s.id);
      var items = card.querySelectorAll('.access li');
      var any = false;
      items.forEach(function (li) {
        var ok = (!fc || li.dataset.clientele === fc) && (!ft || hasTier(li, ft));
        li.classList.toggle('hidden', !ok); if (ok) any = true;
      });
      var visible = (!fk || s.category === fk) && (!q || q.split(' ').every(function (w) { return s.search.indexOf(w) !== -1; })) && ((!fc && !ft) || any);
      card.classList.toggle('hidden', !visible);
      if (visible) { shown++; visibleSet[s.id] = true; }
      cellsOf[s.id].forEach(function (cell) { cell.classList.toggle('hidden', !visible); });
    });
    tbody.querySelectorAll('tr').forEach(function (tr) {
      var has = false;
      tr.querySelectorAll('td').forEach(function (td) { if (!td.classList.contains('hidden') && td.dataset.tier && (!ft || hasTier(td, ft))) has = true; });
      tr.classList.toggle('hidden', (fc && tr.dataset.clientele !== fc) || ((ft || fk || q) && !has));
    });
    showByClientele(visibleSet, ft);
    $('count').textContent = fill(ui.shown, { n: shown, total: data.services.length });
    $('none').classList.toggle('hidden', shown !== 0);
  }
  ['f-category', 'f-tier'].forEach(function (id) { $(id).addEventListener('change', apply); });
  $('f-clientele').addEventListener('change', function () { if (this.value) pick.value = this.value; apply(); });
  $('f-search').addEventListener('input', apply);
  pick.addEventListener('change', apply);
  apply();
})();
`;

/** A numbered note under the matrix: one condition of one service, and the clienteles it binds. */
interface ConditionNote {
  readonly number: number;
  readonly service: string;
  readonly text: { readonly fr: string; readonly en: string };
  readonly clienteles: string[];
}

/** One grant of a row as the page's script reads it: the numbers of its conditions' notes stand beside them. */
interface PageGrant {
  readonly tier: Tier;
  readonly conditions: readonly Condition[];
  readonly notes: readonly number[];
  readonly inherited_from: string | null;
}

/**
 * Numbers every distinct condition, service by service, in the order the rows and their other grants
 * name them, and gives each row (its best grant, then each grant of `also`) the numbers of its conditions.
 */
function pageAccess(data: ExportData): { notes: ConditionNote[]; access: (PageGrant & { clientele: string; also: PageGrant[] })[][] } {
  const notes: ConditionNote[] = [];
  const access = data.catalog.services.map((s, i) => {
    const mine = new Map<string, ConditionNote>();
    const grant = (clientele: string, a: Access): PageGrant => ({
      tier: a.tier,
      conditions: a.conditions,
      notes: a.conditions.map((c) => {
        let note = mine.get(c.fr);
        if (note === undefined) {
          note = { number: notes.length + 1, service: s.id, text: { fr: c.fr, en: c.en }, clienteles: [] };
          mine.set(c.fr, note);
          notes.push(note);
        }
        if (!note.clienteles.includes(clientele)) note.clienteles.push(clientele);
        return note.number;
      }),
      inherited_from: a.inherited_from,
    });
    return (data.who[i]?.access ?? []).map((row) => ({
      clientele: row.clientele.id,
      ...grant(row.clientele.id, row),
      also: row.also.map((a) => grant(row.clientele.id, a)),
    }));
  });
  return { notes, access };
}

/** The whole catalogue as one self-contained HTML page: no network, no external script, style or font. */
export function presentHtml(data: ExportData, { m, lang }: Wording): string {
  // The page's interface strings (messages' `html`): its script fills their `{name}` slots.
  const ui = m.html;
  const short = serviceShortNames(data.catalog.services, lang);
  const conditions = pageAccess(data);
  const payload = {
    lang,
    ui,
    inheritedMark: INHERITED_MARK,
    tiers: TIERS.map((id) => ({ id, label: m.tiers[id], mark: TIER_MARKS[id] })),
    categories: data.catalog.categories,
    clienteles: data.catalog.clienteles.map((c) => ({ id: c.id, name: c.name, name_en: c.name_en, kind: m.clienteleKinds[c.kind], parent: c.parent })),
    services: data.catalog.services.map((s, i) => ({
      id: s.id,
      name: s.name,
      name_en: s.name_en,
      short: short.get(s.id) ?? s.name,
      name_is_descriptive: s.name_is_descriptive,
      abbreviation: s.abbreviation,
      category: s.category,
      aliases: s.aliases,
      description: s.description,
      notes: s.notes.map((n) => ({ ...n, label: m.noteKinds[n.kind] })),
      sub_applications: s.sub_applications,
      access: conditions.access[i] ?? [],
    })),
    condition_notes: conditions.notes,
  };
  const symbol = (mark: string, cls: string, meaning: string): string =>
    `<li><span class="${cls}" aria-hidden="true">${mark}</span>${escapeHtml(meaning)}</li>`;
  const symbols = [
    ...TIERS.map((t) => symbol(TIER_MARKS[t], `mark ${t}`, m.tiers[t])),
    symbol(INHERITED_MARK, 'mark-inh', ui.inheritedMeaning),
    `<li><sup class="note-no" aria-hidden="true">1</sup>${escapeHtml(ui.conditionsMeaning)}</li>`,
  ].join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(ui.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(ui.title)}</h1>
<p class="intro">${escapeHtml(ui.intro)}</p>
</header>
<main>
<section class="filters" aria-label="${escapeHtml(ui.filters)}">
<label>${escapeHtml(ui.clientele)}<select id="f-clientele"></select></label>
<label>${escapeHtml(ui.category)}<select id="f-category"></select></label>
<label>${escapeHtml(ui.tier)}<select id="f-tier"></select></label>
<label class="search">${escapeHtml(ui.search)}<input id="f-search" type="search" placeholder="${escapeHtml(ui.searchPlaceholder)}" autocomplete="off"></label>
</section>
<p class="count" id="count" aria-live="polite"></p>
<h2>${escapeHtml(ui.services)}</h2>
<p id="none" class="hidden">${escapeHtml(ui.noResult)}</p>
<section id="services"></section>
<section id="matrix-section" aria-labelledby="matrix-title">
<h2 id="matrix-title">${escapeHtml(ui.matrix)}</h2>
<div class="by-clientele" id="by-clientele">
<h3>${escapeHtml(ui.byClientele)}</h3>
<p class="help">${escapeHtml(ui.byClienteleHelp)}</p>
<div class="pick"><label>${escapeHtml(ui.clientele)}<select id="m-clientele"></select></label></div>
<div id="by-clientele-list"></div>
</div>
<p class="help">${escapeHtml(ui.matrixHelp)}</p>
<ul class="symbols" aria-label="${escapeHtml(ui.symbols)}">${symbols}</ul>
<div class="matrix-wrap" id="matrix-wrap" role="region" tabindex="0" aria-label="${escapeHtml(ui.matrixRegion)}"><table class="matrix" id="matrix"></table></div>
<div id="matrix-notes-block">
<h3>${escapeHtml(ui.conditionNotes)}</h3>
<ol class="notes" id="matrix-notes"></ol>
</div>
<h3>${escapeHtml(ui.keys)}</h3>
<div class="keys" id="matrix-keys"></div>
</section>
</main>
<footer><p>${escapeHtml(sourceLine(data.catalog.source, m))}</p><p>${escapeHtml(fill(ui.footer, { version: data.version, date: data.generated }))}</p></footer>
<script type="application/json" id="data">${scriptJson(payload)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
