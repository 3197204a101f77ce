/** The inputs of the color decision. */
export interface ColorInputs {
  /** true for --color, false for --no-color, undefined when neither was given. */
  readonly flag: boolean | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
}

/** Decides once whether output is colored: flags, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function decideColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false', ''].includes(force);
  return isTTY;
}

/** Picks the interface language from --lang, else the locale environment; French unless the locale is English. */
export function decideLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): 'fr' | 'en' {
  if (flag === 'fr' || flag === 'en') return flag;
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || env['LANGUAGE'] || '';
  return /^en\b|^en_/i.test(locale) ? 'en' : 'fr';
}
