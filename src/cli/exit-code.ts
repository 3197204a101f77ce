/** The documented exit codes; nothing else leaves the process. */
export const EXIT = {
  /** An answer was given, a "yes" from `can`, a valid catalogue, no difference. */
  ok: 0,
  /** A "no" from `can`; problems found by `validate`; a change found by `diff`; a file `fmt --check` would change. */
  no: 1,
  /** A usage error: bad flag or argument, unknown or ambiguous name, unreadable file given to `validate`. */
  usage: 2,
  /** The catalogue could not be loaded or is invalid (for `diff` and `fmt`: either file). */
  badCatalog: 3,
  /** An internal error: a bug. */
  internal: 70,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a command's run came to; the exit code is a pure function of it. */
export type Outcome =
  | { readonly kind: 'answered' }
  | { readonly kind: 'can'; readonly eligible: boolean }
  | { readonly kind: 'validated'; readonly problems: number; readonly unreadable: number }
  | { readonly kind: 'formatted'; readonly invalid: number; readonly failed: number; readonly unformatted: number }
  | { readonly kind: 'diffed'; readonly changed: boolean }
  | { readonly kind: 'batch'; readonly errors: number }
  | { readonly kind: 'usage-error' }
  | { readonly kind: 'name-error' }
  | { readonly kind: 'catalog-error' }
  | { readonly kind: 'internal-error' };

/** Decides the exit code of a run from its outcome. */
export function exitCodeFor(outcome: Outcome): ExitCode {
  switch (outcome.kind) {
    case 'answered':
      return EXIT.ok;
    case 'can':
      return outcome.eligible ? EXIT.ok : EXIT.no;
    case 'validated':
      return outcome.unreadable > 0 ? EXIT.usage : outcome.problems > 0 ? EXIT.no : EXIT.ok;
    case 'formatted':
      return outcome.invalid > 0 ? EXIT.badCatalog : outcome.failed > 0 ? EXIT.usage : outcome.unformatted > 0 ? EXIT.no : EXIT.ok;
    case 'diffed':
      return outcome.changed ? EXIT.no : EXIT.ok;
    case 'batch':
      return outcome.errors > 0 ? EXIT.usage : EXIT.ok;
    case 'usage-error':
    case 'name-error':
      return EXIT.usage;
    case 'catalog-error':
      return EXIT.badCatalog;
    case 'internal-error':
      return EXIT.internal;
  }
}
