import type { Catalog } from '../catalog/model';
import type { WhoResult } from '../query/access';
import { kindLabel, noteLabel, tierLabel } from './labels';
import type { Lang } from './options';

/** What the page shows: the catalogue, and for each service everyone who may use it (heirs included). */
export interface ExportData {
  readonly catalog: Catalog;
  readonly who: readonly WhoResult[];
  readonly generated: string;
  readonly version: string;
}

// Every string of the page, one table per language with the same keys (EN is typed from FR,
// so a key missing on either side fails to compile). `{name}` marks a value the page fills in.
// French typography: a no-break space before ":" and ";" and inside « ».
const FR = {
  title: 'Accès aux services en ligne de la RAMQ',
  intro: 'Qui peut utiliser quel service en ligne de la RAMQ, et comment. Transcription de la page «\u00a0Liste des services en ligne\u00a0».',
  filters: 'Filtres',
  clientele: 'Clientèle',
  allClienteles: 'Toutes les clientèles',
  category: 'Catégorie',
  allCategories: 'Toutes les catégories',
  tier: 'Accès',
  allTiers: 'Tous les accès',
  search: 'Rechercher',
  searchPlaceholder: 'nom, sigle, mot…',
  shown: '{n} service(s) sur {total}',
  services: 'Services',
  noResult: 'Aucun service ne correspond à ces filtres.',
  who: 'Qui y a accès',
  noList: "La source ne donne aucune liste d'accès pour ce service.",
  inheritedFrom: 'hérité de la clientèle «\u00a0{name}\u00a0»',
  conditionLine: 'Conditions\u00a0: {text}',
  notes: 'Notes',
  noteLine: '{label}\u00a0: {text}',
  subApps: 'Applications incluses',
  descriptive: 'nom descriptif\u00a0: la source ne nomme pas ce service',
  officialName: 'nom officiel\u00a0: {name}',
  matrix: 'Tableau clientèles × services',
  legend: 'C\u00a0: à la création du compte · R\u00a0: sur demande · L\u00a0: listé sans précision · minuscule\u00a0: hérité · *\u00a0: avec conditions',
  footer: 'Produit par ramq-access {version} le {date}. Les noms officiels sont ceux de la source\u00a0; descriptions et notes sont reformulées.',
} as const;

const EN: Record<keyof typeof FR, string> = {
  title: 'Access to RAMQ online services',
  intro: 'Who may use which RAMQ online service, and how. Transcribed from the RAMQ page "Liste des services en ligne".',
  filters: 'Filters',
  clientele: 'Clientele',
  allClienteles: 'All clienteles',
  category: 'Category',
  allCategories: 'All categories',
  tier: 'Access',
  allTiers: 'Any access',
  search: 'Search',
  searchPlaceholder: 'name, abbreviation, word…',
  shown: '{n} of {total} service(s)',
  services: 'Services',
  noResult: 'No service matches these filters.',
  who: 'Who has access',
  noList: 'The source gives no access list for this service.',
  inheritedFrom: 'inherited from {name}',
  conditionLine: 'Conditions: {text}',
  notes: 'Notes',
  noteLine: '{label}: {text}',
  subApps: 'Applications inside it',
  descriptive: 'descriptive name: the source does not name this service',
  officialName: 'official name: {name}',
  matrix: 'Clienteles × services table',
  legend: 'C: at account creation · R: on request · L: listed, tier not stated · lower case: inherited · *: with conditions',
  footer: "Made by ramq-access {version} on {date}. Official names are the source's; descriptions and notes are reworded.",
};

/** The page's strings in each language (exported for the tests that check a page holds one language only). */
export const HTML_STRINGS: Readonly<Record<Lang, Readonly<Record<keyof typeof FR, string>>>> = { fr: FR, en: EN };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Fills the `{key}` slots of a string of the page. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, key: string) => values[key] ?? slot);
}

/** JSON that can sit inside a <script> element without ending it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const CSS = `
:root { --fg: #1b1f24; --muted: #5b6470; --line: #d9dee4; --bg: #fff; --soft: #f4f6f8; --accent: #0b5cad; --c: #1a7f37; --r: #9a6700; --l: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 1.5rem; margin: 20px 0 4px; }
.intro { color: var(--muted); margin: 0 0 16px; }
.filters { position: sticky; top: 0; z-index: 2; background: var(--bg); display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px 12px; padding: 10px 0; border-bottom: 1px solid var(--line); }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: 2px; }
select, input[type=search] { font: inherit; padding: 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; min-width: 0; width: 100%; }
.count { color: var(--muted); font-size: .9rem; margin: 12px 0; }
.service { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 12px; padding: 12px 14px; }
.service h3 { margin: 0; font-size: 1.1rem; }
.service .meta { color: var(--muted); font-size: .85rem; margin: 2px 0 6px; }
.service .id, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; background: var(--soft); padding: 0 4px; border-radius: 4px; }
.access { list-style: none; padding: 0; margin: 6px 0; }
.access li { padding: 4px 0; border-top: 1px dashed var(--line); }
.tier { display: inline-block; min-width: 1.6em; text-align: center; font-weight: 700; border-radius: 4px; margin-right: 6px; color: #fff; font-size: .8rem; padding: 0 4px; }
.tier-creation { background: var(--c); } .tier-request { background: var(--r); } .tier-unspecified { background: var(--l); }
.cond { color: var(--r); font-size: .9rem; }
.inh { color: var(--accent); font-size: .85rem; }
details { margin-top: 6px; } summary { cursor: pointer; color: var(--accent); }
.matrix-wrap { overflow: auto; max-height: 70vh; border: 1px solid var(--line); border-radius: 8px; }
table.matrix { border-collapse: collapse; font-size: .8rem; }
table.matrix th, table.matrix td { border: 1px solid var(--line); padding: 3px 5px; text-align: center; white-space: nowrap; }
table.matrix th.row { text-align: left; position: sticky; left: 0; background: var(--bg); white-space: normal; min-width: 180px; max-width: 260px; }
table.matrix thead th { position: sticky; top: 0; background: var(--soft); z-index: 1; }
table.matrix td.creation { color: var(--c); font-weight: 700; } table.matrix td.request { color: var(--r); font-weight: 700; } table.matrix td.unspecified { color: var(--l); font-weight: 700; }
.legend { color: var(--muted); font-size: .8rem; margin: 6px 0 16px; }
.hidden { display: none !important; }
footer { color: var(--muted); font-size: .8rem; padding: 24px 16px; }
@media (max-width: 600px) { h1 { font-size: 1.25rem; } .filters { grid-template-columns: 1fr 1fr; } .filters label.search { grid-column: 1 / -1; } }
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
  var clienteles = {}; data.clienteles.forEach(function (c) { clienteles[c.id] = c; });
  var categories = {}; data.categories.forEach(function (c) { categories[c.id] = c; });
  var name = function (x) { return data.lang === 'en' ? x.name_en : x.name; };
  function options(select, items, all) {
    select.appendChild(new Option(all, ''));
    items.forEach(function (it) { select.appendChild(new Option(it.label, it.value)); });
  }
  options($('f-clientele'), data.clienteles.map(function (c) { return { value: c.id, label: name(c) }; }), ui.allClienteles);
  options($('f-category'), data.categories.map(function (c) { return { value: c.id, label: name(c) }; }), ui.allCategories);
  options($('f-tier'), data.tiers.map(function (t) { return { value: t.id, label: t.label }; }), ui.allTiers);
  var tierLabel = {}; data.tiers.forEach(function (t) { tierLabel[t.id] = t; });

  function searchText(s) {
    return norm([s.id, s.name, s.name_en, s.abbreviation || '', s.aliases.join(' '), s.description.fr, s.description.en,
      s.notes.map(function (n) { return n.fr + ' ' + n.en; }).join(' '),
      s.access.map(function (a) { var c = clienteles[a.clientele]; return c.name + ' ' + c.name_en; }).join(' ')].join(' '));
  }
  data.services.forEach(function (s) { s.search = searchText(s); });

  function accessItem(a) {
    var li = el('li');
    li.dataset.clientele = a.clientele; li.dataset.tier = a.tier;
    var badge = el('span', 'tier tier-' + a.tier, tierLabel[a.tier].symbol); badge.title = tierLabel[a.tier].label;
    li.appendChild(badge);
    li.appendChild(document.createTextNode(name(clienteles[a.clientele]) + ' — ' + tierLabel[a.tier].label));
    if (a.inherited_from) li.appendChild(el('div', 'inh', fill(ui.inheritedFrom, { name: name(clienteles[a.inherited_from]) })));
    a.conditions.forEach(function (c) { li.appendChild(el('div', 'cond', fill(ui.conditionLine, { text: c[data.lang] }))); });
    return li;
  }

  var list = $('services');
  data.services.forEach(function (s) {
    var card = el('article', 'service'); card.id = 'service-' + s.id; card.dataset.id = s.id;
    var h = el('h3', null, name(s) + (s.abbreviation ? ' (' + s.abbreviation + ')' : ''));
    card.appendChild(h);
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

  // matrix
  var table = $('matrix'), thead = el('thead'), hr = el('tr'), corner = el('th', 'row', ui.clientele);
  hr.appendChild(corner);
  data.services.forEach(function (s) { var th = el('th', null, s.abbreviation || s.id); th.title = name(s); th.dataset.service = s.id; hr.appendChild(th); });
  thead.appendChild(hr); table.appendChild(thead);
  var tbody = el('tbody');
  data.clienteles.forEach(function (c) {
    var tr = el('tr'); tr.dataset.clientele = c.id;
    tr.appendChild(el('th', 'row', name(c)));
    data.services.forEach(function (s) {
      var mine = s.access.filter(function (a) { return a.clientele === c.id; });
      var best = mine[0];
      var td = el('td', best ? best.tier : '', best ? (best.inherited_from ? tierLabel[best.tier].symbol.toLowerCase() : tierLabel[best.tier].symbol) + (best.conditions.length ? '*' : '') : '');
      td.dataset.service = s.id; if (best) { td.dataset.tier = best.tier; td.title = name(s) + ' — ' + tierLabel[best.tier].label; }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);

  function apply() {
    var fc = $('f-clientele').value, fk = $('f-category').value, ft = $('f-tier').value, q = norm($('f-search').value);
    var shown = 0;
    data.services.forEach(function (s) {
      var card = $('service-' + s.id);
      var items = card.querySelectorAll('.access li');
      var any = false;
      items.forEach(function (li) {
        var ok = (!fc || li.dataset.clientele === fc) && (!ft || li.dataset.tier === ft);
        li.classList.toggle('hidden', !ok); if (ok) any = true;
      });
      var visible = (!fk || s.category === fk) && (!q || q.split(' ').every(function (w) { return s.search.indexOf(w) !== -1; })) && ((!fc && !ft) || any);
      card.classList.toggle('hidden', !visible);
      if (visible) shown++;
      table.querySelectorAll('[data-service="' + s.id + '"]').forEach(function (cell) { cell.classList.toggle('hidden', !visible); });
    });
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var cells = tr.querySelectorAll('td'); var has = false;
      cells.forEach(function (td) { if (!td.classList.contains('hidden') && td.dataset.tier && (!ft || td.dataset.tier === ft)) has = true; });
      tr.classList.toggle('hidden', (fc && tr.dataset.clientele !== fc) || ((ft || fk || q) && !has));
    });
    $('count').textContent = fill(ui.shown, { n: shown, total: data.services.length });
    $('none').classList.toggle('hidden', shown !== 0);
  }
  ['f-clientele', 'f-category', 'f-tier'].forEach(function (id) { $(id).addEventListener('change', apply); });
  $('f-search').addEventListener('input', apply);
  apply();
})();
`;

/** The whole catalogue as one self-contained HTML page: no network, no external script, style or font. */
export function presentHtml(data: ExportData, lang: Lang): string {
  const ui = HTML_STRINGS[lang];
  const payload = {
    lang,
    ui,
    tiers: (['creation', 'request', 'unspecified'] as const).map((id) => ({
      id,
      label: tierLabel(id, lang),
      symbol: id === 'creation' ? 'C' : id === 'request' ? 'R' : 'L',
    })),
    categories: data.catalog.categories,
    clienteles: data.catalog.clienteles.map((c) => ({ id: c.id, name: c.name, name_en: c.name_en, kind: kindLabel(c.kind, lang), parent: c.parent })),
    services: data.catalog.services.map((s, i) => ({
      id: s.id,
      name: s.name,
      name_en: s.name_en,
      name_is_descriptive: s.name_is_descriptive,
      abbreviation: s.abbreviation,
      category: s.category,
      aliases: s.aliases,
      description: s.description,
      notes: s.notes.map((n) => ({ ...n, label: noteLabel(n.kind, lang) })),
      sub_applications: s.sub_applications,
      access: (data.who[i]?.access ?? []).map((a) => ({ clientele: a.clientele.id, tier: a.tier, conditions: a.conditions, inherited_from: a.inherited_from })),
    })),
  };
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
<h2>${escapeHtml(ui.matrix)}</h2>
<p class="legend">${escapeHtml(ui.legend)}</p>
<div class="matrix-wrap"><table class="matrix" id="matrix"></table></div>
</main>
<footer>${escapeHtml(fill(ui.footer, { version: data.version, date: data.generated }))}</footer>
<script type="application/json" id="data">${scriptJson(payload)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
