/**
 * Each language's typography, applied where a sentence is written: the tags
 * `fr` and `en` space the punctuation of the text written in the catalogue,
 * and never the values put into it (names, descriptions, the page's text,
 * file paths: data, never rewritten).
 *
 * French puts a no-break space (U+00A0) before `:`, `;`, `!` and `?` and
 * inside guillemets. The space is a no-break one so that a line never starts
 * with the punctuation: `wrap` (src/present/text-formats.ts) breaks at ASCII
 * spaces only, and so do terminals and Markdown renderers. U+00A0 rather than
 * the narrow U+202F before `;`, `!` and `?`: one space everywhere, the one the
 * Office québécois de la langue française accepts throughout, that every font
 * has, and the one `Intl.NumberFormat('fr-CA')` groups digits with.
 *
 * English puts no space before `:`, `;`, `!` and `?`. Its sentences are
 * written so; the rule still matters where a value put between a space and
 * the punctuation is empty ("cannot use the catalogue ${file}:").
 */

/** The no-break space of French typography. */
export const NBSP = '\u00a0';

// JavaScript's \s: ASCII spaces, line ends, and the no-break spaces U+00A0 and U+202F among others.
const ANY_SPACE = /\s/;
const PUNCTUATION = /[:;!?]/;
/** After a piece of punctuation that closes a phrase: a space, the end, or what closes around it. */
const AFTER = /^(?:$|[\s)\]»”’"'.,…])/;
const MARKUP = /[:;!?«»]/;

/** Where the French rule may act: its punctuation, and a space right after an opening guillemet. */
const FRENCH_MARKS = /[:;!?«»]|(?<=«) /g;

/**
 * The French rule over a text whose own words `own` tells apart from the values put into it: a no-break space
 * before `:` `;` `!` `?` and inside `« »`, put in place of a space of ours or added where none was.
 */
function spaceFrench(text: string, own: (index: number) => boolean): string {
  let out = '';
  let copied = 0;
  for (const { index: i } of text.matchAll(FRENCH_MARKS)) {
    if (!own(i)) continue;
    out += text.slice(copied, i);
    copied = i + 1;
    const ch = text[i]!;
    const prev = out[out.length - 1];
    if (ch === ' ') out += NBSP;
    else if (ch === '«') out += i + 1 < text.length && !ANY_SPACE.test(text[i + 1]!) ? `«${NBSP}` : '«';
    else if (prev === undefined) out += ch;
    else if (prev === ' ' && own(i - 1)) out = `${out.slice(0, -1)}${NBSP}${ch}`;
    else if (ch === '»') out += ANY_SPACE.test(prev) ? ch : `${NBSP}${ch}`;
    // `http://`, `services:` in a list of keys, `a:b`: a colon inside a word is no punctuation of the sentence.
    else out += !ANY_SPACE.test(prev) && prev !== '(' && AFTER.test(text.slice(i + 1, i + 2)) ? `${NBSP}${ch}` : ch;
  }
  return out + text.slice(copied);
}

/** The English rule, over a text whose own words `own` tells apart from the values put into it: no space of ours before `:` `;` `!` `?`. */
function tightenEnglish(text: string, own: (index: number) => boolean): string {
  let out = '';
  let copied = 0;
  for (const { index: i } of text.matchAll(/[:;!?]/g)) {
    if (!own(i) || !own(i - 1) || !AFTER.test(text.slice(i + 1, i + 2))) continue;
    out += text.slice(copied, i);
    let end = out.length;
    while (end > 0 && ANY_SPACE.test(out[end - 1]!)) end--;
    out = out.slice(0, end);
    copied = i;
  }
  return out + text.slice(copied);
}

/** A value put into a sentence: a text, or a number written as a template literal writes it. */
type Value = string | number;

/** A template tag that applies a rule to the template's own text; `plain` says when the rule has nothing to do. */
function typesetWith(
  rule: (text: string, own: (index: number) => boolean) => string,
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
  spaceFrench,
  // Most sentences hold no punctuation the rule spaces (nor a value ending in « before a space of ours): they are put
  // together as a template literal would.
  (literals, values) => !literals.some((l) => MARKUP.test(l)) && !values.some((v) => typeof v === 'string' && v.endsWith('«')),
);

/** An English sentence: `` en`cannot use ${file}:` `` is "cannot use x:", and "cannot use:" for an empty value. */
export const en = typesetWith(tightenEnglish, (literals) => !literals.some((l) => PUNCTUATION.test(l)));
