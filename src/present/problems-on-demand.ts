/**
 * The module that presents a catalogue's problems, loaded when a problem is first shown: a question on a valid
 * catalogue never shows one, and its code (with the reports of validate) stays out of a query's start-up
 * (__tests__/module-load.test.ts). Every caller outside that module goes through this one function.
 */
export function problemsPresenter(): typeof import('./present-problems') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./present-problems') as typeof import('./present-problems');
}
