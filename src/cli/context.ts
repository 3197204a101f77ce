import {
  catalogFromText,
  EMBEDDED_CATALOG_PATH,
  isInstalledPackageCatalog,
  readCatalogFile,
  readCatalogFrom,
  type ByteDecoder,
  type ReadResult,
} from '../catalog/load-catalog';
import type { Catalog } from '../catalog/model';
import { completeProblem } from '../catalog/problem';
import { FORMATS, type Format } from '../present/formats';
import { noteKindLabels } from '../present/labels';
import { makePalette, type Lang, type PresentOptions } from '../present/options';
import { messagesFor, type Messages } from '../present/messages/messages';
import type { BatchLine } from '../present/present-batch';
import { problemsPresenter } from '../present/problems-on-demand';
import { describeQuestionError } from '../present/present-question-error';
import { sanitizeText } from '../present/sanitize';
import type { Answer } from '../query/ask';
import { indexCatalog, type CatalogIndex } from '../query/catalog-index';
import { primeNameKeys, type NameKey } from '../query/resolve-name';
import { primeSearchIndex } from '../query/search-catalog';
import { decideColor } from './decide-color';
import { describeErrno, UserError } from './errors';
import type { Io } from './io';
import { readLines } from './read-lines';
import { fitMessage, textWidth } from './terminal-width';

/** The options every command takes (declared once on the program, shown in every command's help). */
export interface GlobalOptions {
  readonly catalog?: string | undefined;
  readonly lang?: string | undefined;
  /** The path a file read from standard input (`-`) stands for, shown instead of `<stdin>` (as prettier's and eslint's option). */
  readonly stdinFilepath?: string | undefined;
  readonly color?: boolean | undefined;
  readonly debug?: boolean | undefined;
}

/** How standard input is shown in messages. */
export const STDIN_NAME = '<stdin>';

/** Whether a system error code means "no file by that name" (a usage error) rather than an input/output error. */
export function isNotFound(errno: string | undefined): boolean {
  return errno === 'ENOENT' || errno === 'ENOTDIR';
}

/**
 * What a command's run may use: the output streams, the decisions made once
 * per run (language, color, width), the catalogue in use, and the inputs. The
 * only way a command reads a file or standard input, so that `-` means
 * standard input everywhere and standard input is read at most once.
 */
export class Context {
  private index: CatalogIndex | undefined;
  private indexText: string | undefined;
  private stdinTaken: string | undefined;
  /** Everything the tool says, in the run's language. */
  readonly m: Messages;

  constructor(
    readonly io: Io,
    readonly globals: GlobalOptions,
    readonly lang: Lang,
    readonly version: string,
  ) {
    this.m = messagesFor(lang);
  }

  /** Writes output (nothing for an empty text). */
  emit(text: string | Uint8Array): void {
    if (text.length > 0) this.io.stdout(text);
  }

  /** The width a sentence on stdout is fitted to: the terminal's, or none (one line) when stdout is no terminal. */
  get outLineWidth(): number {
    return textWidth(this.io.isTTY ? this.io.columns : undefined, Infinity);
  }

  /** The width messages on stderr are fitted to: the terminal's, or none (one line each) when stderr is no terminal. */
  get errWidth(): number {
    return (this.errWidthOnce ??= textWidth(this.io.errColumns, Infinity));
  }
  private errWidthOnce: number | undefined;

  /** Writes one message on stderr, neutralised, after the program's name (fitted to the terminal's width). */
  warn(line: string): void {
    this.io.stderr(`${fitMessage('ramq-access: ', sanitizeText(line), this.errWidth).join('\n')}\n`);
  }

  /** The catalogue file in use: --catalog, else $RAMQ_ACCESS_CATALOG, else the embedded one. */
  catalogPath(): string {
    return this.globals.catalog ?? (this.io.env['RAMQ_ACCESS_CATALOG'] || undefined) ?? EMBEDDED_CATALOG_PATH;
  }

  /** Whether the catalogue in use is the installed package's own (none named with --catalog or $RAMQ_ACCESS_CATALOG): writing it is refused. */
  catalogIsInstalledPackage(): boolean {
    const named = this.globals.catalog !== undefined || (this.io.env['RAMQ_ACCESS_CATALOG'] ?? '') !== '';
    return !named && isInstalledPackageCatalog(this.catalogPath());
  }

  /**
   * Reads a file, or standard input for `-` (once per run: a second reader is
   * a usage error). Either way the one bounded reader of the catalogue layer
   * reads it: past the size limit it stops and refuses, so a device, a FIFO or
   * a pipe that never ends costs no more than a file one byte too large.
   */
  readInput(file: string, purpose: string, decode?: ByteDecoder): ReadResult {
    if (file !== '-') return readCatalogFile(file, decode);
    this.takeStdin(purpose);
    try {
      return readCatalogFrom((into) => this.io.readStdin(into), this.shownPath('-'), 0, decode);
    } catch (error) {
      const errno = (error as NodeJS.ErrnoException).code ?? 'EIO';
      return {
        ok: false,
        problem: { code: 'FILE_UNREADABLE', file: this.shownPath('-'), line: null, col: null, detail: { id: 'stdinUnreadable', errno } },
        errno,
      };
    }
  }

  /**
   * The lines of standard input for --batch, read as they come (see
   * readLines: `null` after the lines of each read); refused when `-` already
   * took standard input. A read the system refuses ends the run as an
   * input/output error.
   */
  stdinLines(purpose: string): Iterable<BatchLine | null> {
    this.takeStdin(purpose);
    return readLines((into) => {
      try {
        return this.io.readStdin(into);
      } catch (error) {
        const errno = (error as NodeJS.ErrnoException).code ?? 'EIO';
        throw new UserError(this.m.errors.stdinUnreadable(describeErrno(errno, this.m)), { kind: 'io-error' });
      }
    });
  }

  private takeStdin(purpose: string): void {
    if (this.stdinTaken !== undefined) throw new UserError(this.m.errors.stdinTwice(this.stdinTaken, purpose), { kind: 'usage-error' });
    this.stdinTaken = purpose;
  }

  /**
   * The catalogue in use, loaded and indexed once; a catalogue that cannot be used ends the run with its
   * problems. The embedded catalogue comes in the form the build prepared; any other (--catalog,
   * $RAMQ_ACCESS_CATALOG, `-`) is parsed and validated in full on every run, as a validator does.
   */
  catalogIndex(): CatalogIndex {
    if (this.index !== undefined) return this.index;
    const file = this.catalogPath();
    const shown = this.shownPath(file);
    const read = this.readInput(file, this.m.stdinPurposes.catalogue);
    const result = read.ok ? catalogFromText(read.text, shown) : { ok: false as const, problems: [read.problem] };
    if (!result.ok) {
      const palette = makePalette(false);
      const ioError = !read.ok && read.errno !== undefined && !isNotFound(read.errno);
      throw new UserError(
        [this.m.errors.cannotUseCatalogue(shown), ...result.problems.map((p) => problemsPresenter().problemLine(p, palette, this.m))],
        { kind: ioError ? 'io-error' : 'catalog-error' },
        { input: shown, problems: result.problems.map(completeProblem) },
        result.problems,
      );
    }
    const index = indexCatalog(result.catalog);
    if (result.names) primeNameKeys(index, result.names as readonly NameKey[]);
    if (result.search) primeSearchIndex(index, result.search, noteKindLabels);
    this.index = index;
    this.indexText = read.ok ? read.text : '';
    return index;
  }

  /** The catalogue in use with the file and the text it was read from (check-source shows its lines and rewrites it). */
  catalogSource(): { file: string; shown: string; text: string; index: CatalogIndex } {
    const index = this.catalogIndex();
    const file = this.catalogPath();
    return { file, shown: this.shownPath(file), text: this.indexText ?? '', index };
  }

  /** The loaded catalogue. */
  catalog(): Catalog {
    return this.catalogIndex().catalog;
  }

  /** The result of an answer, or the end of the run with the question's error and its suggestions. */
  answered<R>(answer: Answer<R>): R {
    if (answer.ok) return answer.result;
    throw new UserError(describeQuestionError(answer.error, this.m, this.lang), { kind: 'name-error' }, { question: answer.error });
  }

  /** What presenters are given for a format: color and width only for output meant for people. */
  presentOptions(format: Format): PresentOptions {
    const common = { m: this.m, lang: this.lang, cwd: this.io.cwd, version: this.version, source: this.index?.catalog.source ?? null };
    if (!FORMATS[format].forPeople) return { ...common, palette: makePalette(false), width: 80, lineWidth: Infinity };
    const colored = decideColor({ flag: this.globals.color, env: this.io.env, isTTY: this.io.isTTY });
    const columns = this.io.isTTY ? this.io.columns : undefined;
    // A terminal that reports no width gets 80; a very narrow one gets 40 (tables cannot be drawn in less), a very wide one 160.
    const width = columns !== undefined && columns > 0 ? Math.min(Math.max(columns, 40), 160) : 80;
    return { ...common, palette: makePalette(colored), width, lineWidth: columns !== undefined && columns > 0 ? width : Infinity };
  }

  /** A path as messages, annotations and reports show it: for `-`, the path --stdin-filepath gives, else `<stdin>`. */
  shownPath(file: string): string {
    return file === '-' ? (this.globals.stdinFilepath ?? STDIN_NAME) : file;
  }
}
