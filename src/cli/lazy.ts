import type { Format, Presenter, Presenters } from '../present/formats';

/**
 * A command's presenters, declared by their formats and loaded when one first
 * presents: a command is declared on every run (its formats are its
 * `--format` choices), while its presenters, and what they import, are only
 * needed when it runs. `load` must `require` the module, so that the bundle
 * initialises it then and not at start-up (__tests__/module-load.test.ts
 * checks what each query loads).
 */
export function lazyPresenters<R, F extends Format>(formats: Readonly<Record<F, true>>, load: () => Presenters<R, F>): Presenters<R, F> {
  const presenters = {} as Record<F, Presenter<R>>;
  // A record of every format (not a list), so that leaving one out fails to compile.
  for (const format of Object.keys(formats) as F[]) presenters[format] = (result, options) => load()[format](result, options);
  return presenters;
}
