import type { ExitCodeNumber } from '../present/messages/messages';

/** The documented exit codes; nothing else leaves the process. */
export const EXIT = {
  /** An answer was given, a "yes" from `can`, a valid catalogue, no difference. */
  ok: 0,
  /** A "no" from `can`; problems found by `validate`; a change found by `diff`; a file `fmt --check` would change; a page `check-source` finds different. */
  no: 1,
  /** A usage error: bad flag or argument, unknown or ambiguous name, a file that does not exist. */
  usage: 2,
  /** The catalogue could not be loaded or is invalid (for `diff` and `fmt`: either file; for `check-source`: or the page cannot be read or holds no access list). */
  badCatalog: 3,
  /** A page to fetch by its address could not be had (sysexits' EX_UNAVAILABLE): a network or HTTP error, a timeout, too many redirects, a body too large, an answer that is not a page. */
  unavailable: 69,
  /** An internal error: a bug. */
  internal: 70,
  /** An input/output error: a full disk, a read or write the system refused (sysexits' EX_IOERR), a file `fmt` or `check-source --write` refused to write. */
  io: 74,
  // Each code is one the message catalogues explain (help, man page): a code added here without its line there fails to compile.
} as const satisfies Readonly<Record<string, ExitCodeNumber>>;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a command's run came to; the exit code is a pure function of it. */
export type Outcome =
  | { readonly kind: 'answered' }
  | { readonly kind: 'can'; readonly eligible: boolean }
  | { readonly kind: 'validated'; readonly problems: number; readonly missing: number; readonly ioErrors: number }
  | { readonly kind: 'formatted'; readonly invalid: number; readonly missing: number; readonly ioErrors: number; readonly unformatted: number }
  | { readonly kind: 'diffed'; readonly changed: boolean }
  | { readonly kind: 'source-checked'; readonly agrees: boolean }
  | { readonly kind: 'batch'; readonly errors: number }
  | { readonly kind: 'usage-error' }
  | { readonly kind: 'name-error' }
  | { readonly kind: 'catalog-error' }
  | { readonly kind: 'page-error' }
  | { readonly kind: 'io-error' }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'internal-error' };

/** Decides the exit code of a run from its outcome. */
export function exitCodeFor(outcome: Outcome): ExitCode {
  switch (outcome.kind) {
    case 'answered':
      return EXIT.ok;
    case 'can':
      return outcome.eligible ? EXIT.ok : EXIT.no;
    case 'validated':
      return outcome.ioErrors > 0 ? EXIT.io : outcome.missing > 0 ? EXIT.usage : outcome.problems > 0 ? EXIT.no : EXIT.ok;
    case 'formatted':
      return outcome.ioErrors > 0
        ? EXIT.io
        : outcome.invalid > 0
          ? EXIT.badCatalog
          : outcome.missing > 0
            ? EXIT.usage
            : outcome.unformatted > 0
              ? EXIT.no
              : EXIT.ok;
    case 'diffed':
      return outcome.changed ? EXIT.no : EXIT.ok;
    case 'source-checked':
      return outcome.agrees ? EXIT.ok : EXIT.no;
    case 'batch':
      return outcome.errors > 0 ? EXIT.usage : EXIT.ok;
    case 'usage-error':
    case 'name-error':
      return EXIT.usage;
    case 'catalog-error':
    case 'page-error':
      return EXIT.badCatalog;
    case 'io-error':
      return EXIT.io;
    case 'unavailable':
      return EXIT.unavailable;
    case 'internal-error':
      return EXIT.internal;
  }
}
