// Batch questions for the benchmark: the names of the catalogue as people type them, each line distinct.
// Every spelling here is one the resolver takes for the same entry (scripts/bench.js checks that each
// line answers before it times anything): case, accents dropped or added, spaces, dashes and
// apostrophes of another style, a final question mark, plurals, the feminine and other forms, aliases,
// ids, abbreviations, "Name (ABBR)", and a few names read by their words.
'use strict';

/** A small deterministic generator (mulberry32), so that every run times the same lines. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = new Set(['a', 'au', 'aux', 'de', 'des', 'du', 'en', 'et', 'ou', 'la', 'le', 'les', 'un', 'une', 'sur', 'par', 'pour', 'and', 'or', 'of', 'the', 'in', 'for', 'to']);

/** The name with each word of three letters or more in the plural (an s; a word ending in s, x or z stays). */
function plural(name) {
  return name.replace(/[\p{L}]{3,}/gu, (w) => (FUNCTION_WORDS.has(w.toLowerCase()) || /[sxz]$/i.test(w) ? w : /al$/.test(w) ? `${w.slice(0, -2)}aux` : `${w}s`));
}

/** Every spelling an entry answers to, before any change of case, accent or space. */
function baseSpellings(kind, e) {
  const names =
    kind === 'clientele'
      ? [e.id, e.name, e.name_en, ...e.forms, ...e.aliases, ...e.terms_en, ...e.abbreviations]
      : [e.id, e.name, e.name_en, ...(e.abbreviation === null ? [] : [e.abbreviation, `${e.name} (${e.abbreviation})`]), ...e.aliases];
  const out = new Set(names);
  for (const n of [e.name, e.name_en, ...(kind === 'clientele' ? e.forms : [])]) out.add(plural(n));
  return [...out];
}

const stripAccents = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '');
const ACCENTED = { a: 'à', e: 'é', i: 'î', o: 'ô', u: 'ù', c: 'ç', A: 'À', E: 'É', O: 'Ô' };

/**
 * One spelling of a base name, changed in ways that keep what it names (normalizeName's). A name read by
 * its words is not given a mixed case: the resolver splits a word where its case changes ("FacturActe").
 */
function respell({ name, byWords }, rand) {
  let s = name;
  const pick = (n) => Math.floor(rand() * n);
  switch (pick(byWords ? 3 : 4)) {
    case 0:
      s = s.toLowerCase();
      break;
    case 1:
      s = s.toUpperCase();
      break;
    case 2:
      s = s.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
      break;
    default:
      s = [...s].map((ch) => (rand() < 0.5 ? ch.toUpperCase() : ch.toLowerCase())).join('');
  }
  if (rand() < 0.4) s = stripAccents(s);
  if (rand() < 0.3) s = s.replace(/[aeiouc]/gi, (ch) => (rand() < 0.3 ? (ACCENTED[ch] ?? ch) : ch));
  if (rand() < 0.3) s = s.replace(/-/g, () => [' ', '‐', '–', '_'][pick(4)]);
  if (rand() < 0.3) s = s.replace(/ /g, () => ['  ', ' ', '-', '\u00a0'][pick(4)]);
  if (rand() < 0.2) s = s.replace(/'/g, '’');
  if (rand() < 0.3) s = `${' '.repeat(1 + pick(2))}${s}`;
  if (rand() < 0.3) s = `${s}${[' ', ' ?', '?', '  '][pick(4)]}`;
  return s;
}

/**
 * `count` distinct lines, each made by `line(rand)` until it gives one not seen; throws when the
 * spellings run out (a catalogue too small for so many).
 */
function distinctLines(count, seed, line) {
  const rand = random(seed);
  const seen = new Set();
  for (let tries = 0; seen.size < count; tries++) {
    if (tries > count * 20) throw new Error(`only ${seen.size} distinct lines of ${count}`);
    seen.add(line(rand));
  }
  return [...seen];
}

/**
 * The base spellings (`{ name, byWords }`) of every clientele and service of an exported catalogue
 * (`export --json`'s `catalog`), and names read by their words (`byWords`).
 */
function spellingsOf(catalog, byWords = { clientele: [], service: [] }) {
  const base = (name) => ({ name, byWords: false });
  const read = (name) => ({ name, byWords: true });
  return {
    clientele: [...catalog.clienteles.flatMap((c) => baseSpellings('clientele', c)).map(base), ...byWords.clientele.map(read)],
    service: [...catalog.services.flatMap((s) => baseSpellings('service', s)).map(base), ...byWords.service.map(read)],
  };
}

/** `count` distinct names of one kind, each a respelling of a base that resolves. */
function distinctNames(bases, count, seed) {
  return distinctLines(count, seed, (rand) => respell(bases[Math.floor(rand() * bases.length)], rand));
}

/** `count` distinct `clientele<TAB>service` lines, each name a respelling of a base that resolves. */
function distinctPairs(clienteles, services, count, seed) {
  return distinctLines(count, seed, (rand) => {
    const c = respell(clienteles[Math.floor(rand() * clienteles.length)], rand);
    return `${c}\t${respell(services[Math.floor(rand() * services.length)], rand)}`;
  });
}

module.exports = { spellingsOf, distinctNames, distinctPairs, respell, random };
