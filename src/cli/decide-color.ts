/** The inputs of the color decision. */
export interface ColorInputs {
  /** true for --color, false for --no-color, undefined when neither was given. */
  readonly flag: boolean | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
}

/**
 * Decides once whether output is colored. The first rule that applies decides:
 *
 * 1. `--color` / `--no-color` (the last one given);
 * 2. `NO_COLOR` set to anything but the empty string: no color (no-color.org);
 * 3. `FORCE_COLOR`, when set: `0` or `false` no color, any other value (`1`-`3`, `true`, empty) color, even when piped (Node's and chalk's reading);
 * 4. `CLICOLOR_FORCE` set and not `0`: color, even when piped (bixense.com/clicolors);
 * 5. `CLICOLOR=0`: no color;
 * 6. `TERM=dumb`: no color (a terminal that understands no escapes);
 * 7. else color when standard output is a terminal.
 *
 * So a request to force color (3, 4) beats the terminal's and CLICOLOR's
 * (5, 6, 7), and NO_COLOR, the user's "never", beats every variable.
 */
export function decideColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  if (isSet(env['NO_COLOR'])) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  const clicolorForce = env['CLICOLOR_FORCE'];
  if (isSet(clicolorForce) && clicolorForce.trim() !== '0') return true;
  if (env['CLICOLOR']?.trim() === '0') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY;
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** Picks the interface language from --lang, else the locale environment; French unless the locale is English. */
export function decideLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): 'fr' | 'en' {
  if (flag === 'fr' || flag === 'en') return flag;
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || env['LANGUAGE'] || '';
  return /^en\b|^en_/i.test(locale) ? 'en' : 'fr';
}
