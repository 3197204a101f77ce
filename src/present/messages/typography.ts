/**
 * One typography rule per language, applied by the message catalogue to its
 * own words only: every string of a language's messages, and what each of its
 * functions returns outside the values it was given (names, descriptions, the
 * page's text, file paths: data, never rewritten).
 *
 * French puts a no-break space (U+00A0) before `:`, `;`, `!` and `?` and
 * inside guillemets; English puts no space before `:`, `;`, `!` and `?`. The
 * French space is a no-break one so that a line never starts with the
 * punctuation: `wrap` (src/present/text-formats.ts) breaks at ASCII spaces
 * only, and so do terminals and Markdown renderers. U+00A0 rather than the
 * narrow U+202F before `;`, `!` and `?`: one space everywhere, the one the
 * Office québécois de la langue française accepts throughout, that every font
 * has, and the one `Intl.NumberFormat('fr-CA')` groups digits with.
 */

/** Marks, in a text, what the rule may touch: `true` at a character of the catalogue's own words. */
type Own = (index: number) => boolean;

/** A language's rule, over a text whose own words `own` tells apart from the values it quotes. */
export type TypographyRule = (text: string, own: Own) => string;

/** The no-break space of French typography. */
export const NBSP = '\u00a0';

// JavaScript's \s: ASCII spaces, line ends, and the no-break spaces U+00A0 and U+202F among others.
const ANY_SPACE = /\s/;
const PUNCTUATION = /[:;!?]/;
/** After a piece of punctuation that closes a phrase: a space, the end, or what closes around it. */
const AFTER = /^(?:$|[\s)\]»”’"'.,…])/;

/** French: a no-break space before `:` `;` `!` `?` and inside `« »`, put in place of a space or added where none was. */
export const FRENCH: TypographyRule = (text, own) => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!own(i)) {
      out += ch;
      continue;
    }
    const prev = out[out.length - 1];
    if (PUNCTUATION.test(ch) && prev !== undefined) {
      const spaced = prev === ' ' && own(i - 1);
      // `http://`, `services:` in a list of keys, `a:b`: a colon inside a word is no punctuation of the sentence.
      if (spaced) out = `${out.slice(0, -1)}${NBSP}`;
      else if (!ANY_SPACE.test(prev) && prev !== '(' && AFTER.test(text.slice(i + 1, i + 2))) out += NBSP;
      out += ch;
      continue;
    }
    if (ch === '»' && prev !== undefined) {
      if (prev === ' ' && own(i - 1)) out = `${out.slice(0, -1)}${NBSP}`;
      else if (!ANY_SPACE.test(prev)) out += NBSP;
      out += ch;
      continue;
    }
    if (ch === ' ' && prev === '«') {
      out += NBSP;
      continue;
    }
    out += ch;
    if (ch === '«' && i + 1 < text.length && !ANY_SPACE.test(text[i + 1]!)) out += NBSP;
  }
  return out;
};

/** English: no space before `:` `;` `!` `?`. */
export const ENGLISH: TypographyRule = (text, own) => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (own(i) && PUNCTUATION.test(ch) && AFTER.test(text.slice(i + 1, i + 2))) {
      while (out.length > 0 && ANY_SPACE.test(out[out.length - 1]!) && own(i - 1)) out = out.slice(0, -1);
    }
    out += ch;
  }
  return out;
};

const MARKUP = /[:;!?«»]/;

/** Texts a message function derives from the values it was given (an excerpt, a quoted form), gathered while it runs. */
let derived: string[] | null = null;

/** Marks a text a message function derived from a value it was given as data: the rule leaves it as it is. */
export function asData(text: string): string {
  derived?.push(text);
  return text;
}

/** Every string a value holds (itself, the items of an array, the fields of an object), with its JSON form. */
function stringsOf(value: unknown, into: string[], depth = 0): void {
  if (typeof value === 'string') {
    if (value !== '') into.push(value, JSON.stringify(value));
  } else if (Array.isArray(value)) {
    for (const item of value) stringsOf(item, into, depth + 1);
  } else if (typeof value === 'object' && value !== null && depth < 3) {
    for (const item of Object.values(value)) stringsOf(item, into, depth + 1);
  }
}

/** Which characters of a text are the catalogue's own: not inside an occurrence of one of the values. */
function ownWords(text: string, values: readonly string[]): Own {
  if (values.length === 0) return () => true;
  const data = new Uint8Array(text.length);
  for (const value of values) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) data.fill(1, at, at + value.length);
  }
  return (index) => index >= 0 && data[index] === 0;
}

/** Applies a rule to one text of the catalogue's own. */
export function typesetText(text: string, rule: TypographyRule): string {
  return MARKUP.test(text) ? rule(text, () => true) : text;
}

/**
 * A language's messages with its rule applied: each string as it is written,
 * and each function's result outside the values it was given (see ownWords),
 * so that a catalogue's official names, a page's text and file paths come out
 * as they are. Applied once, where a language's catalogue is defined.
 */
export function typeset<T>(messages: T, rule: TypographyRule): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return typesetText(value, rule);
    if (typeof value === 'function') {
      const say = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]): unknown => {
        const outer = derived;
        derived = [];
        try {
          const text = say(...args);
          if (typeof text !== 'string' || !MARKUP.test(text)) return text;
          const values: string[] = [...derived];
          stringsOf(args, values);
          return rule(text, ownWords(text, values));
        } finally {
          derived = outer;
        }
      };
    }
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) {
      // Each entry is typeset when first read, then kept: a run reads a few dozen of the catalogue's hundreds
      // of texts, and typesetting them all was most of loading the messages.
      const out = {};
      for (const [key, item] of Object.entries(value)) {
        Object.defineProperty(out, key, {
          enumerable: true,
          configurable: true,
          get: () => {
            const done = walk(item);
            Object.defineProperty(out, key, { value: done, enumerable: true, configurable: false, writable: false });
            return done;
          },
        });
      }
      return out;
    }
    return value;
  };
  return walk(messages) as T;
}

/** A value put into a sentence: a text, or a number written as a template literal writes it. */
type Value = string | number;

/** A template tag that applies a rule to the template's own text; `plain` says when the rule has nothing to do. */
function typesetWith(
  rule: TypographyRule,
  plain: (literals: readonly string[], values: readonly Value[]) => boolean,
): (literals: TemplateStringsArray, ...values: readonly Value[]) => string {
  return (literals, ...values) => {
    let text = literals[0]!;
    if (plain(literals, values)) {
      for (let i = 0; i < values.length; i++) text += `${values[i]}${literals[i + 1]}`;
      return text;
    }
    const ranges: [number, number][] = [];
    for (let i = 0; i < values.length; i++) {
      const value = `${values[i]}`;
      ranges.push([text.length, text.length + value.length]);
      text += `${value}${literals[i + 1]}`;
    }
    return rule(text, (index) => index >= 0 && !ranges.some(([from, to]) => index >= from && index < to));
  };
}

/**
 * A French sentence, written with plain spaces and typeset as French wants:
 * `` fr`Source : ${name}` `` is "Source\u00a0: " then the name as it is. Only
 * the template's own text is spaced; each value comes out unchanged.
 */
export const fr = typesetWith(
  FRENCH,
  // Most sentences hold no punctuation the rule spaces (nor a value ending in « before a space of ours): they are put
  // together as a template literal would.
  (literals, values) => !literals.some((l) => MARKUP.test(l)) && !values.some((v) => typeof v === 'string' && v.endsWith('«')),
);

/** An English sentence: `` en`cannot use ${file}:` `` is "cannot use x:", and "cannot use:" for an empty value. */
export const en = typesetWith(ENGLISH, (literals) => !literals.some((l) => PUNCTUATION.test(l)));
