import type { SourceInfo } from '../catalog/model';
import type { CanResult, ServicesResult, WhoResult } from '../query/access';
import type { MatrixResult } from '../query/build-matrix';
import type { SearchResult } from '../query/search-catalog';
import type { ShowResult } from '../query/show-entity';
import type { PresentOptions } from './options';
import type { ListResult } from './present-catalog';
import type { SourceReport } from './present-check-source';
import type { DiffReport } from './present-diff';
import type { ExportData } from './present-html';
import type { FileReport } from './present-problems';

/**
 * What each command gives its presenters, by the command's name: the one map a
 * format's presenters are typed against. A command named here offers the
 * formats that have a presenter for its result (src/present/formats.ts).
 */
export interface Results {
  readonly services: ServicesResult;
  readonly who: WhoResult;
  readonly can: CanResult;
  readonly show: ShowResult;
  readonly list: ListResult;
  readonly search: SearchResult;
  readonly matrix: MatrixResult;
  readonly validate: readonly FileReport[];
  readonly diff: DiffReport;
  readonly 'check-source': SourceReport;
  readonly export: ExportData;
}

/** A kind of result: the name of the command that presents it. */
export type ResultKind = keyof Results;

/** Turns a result into the text of one output format; never writes, never reads the environment. */
export type Presenter<R> = (result: R, options: PresentOptions) => string;

/** An output format: one file under src/present/formats/, one entry in the format table. */
export interface OutputFormat {
  /** Written for a person at a terminal: colored when color is on, fitted to the terminal's width. */
  readonly forPeople: boolean;
  /** Its presenter for each kind of result it shows; a command offers exactly the formats that have one for its result. */
  readonly presenters: { readonly [K in ResultKind]?: Presenter<Results[K]> };
  /** How it ends an answer from the catalogue in use (the source line); absent when the presenter says it (JSON's `source`) or nothing does. */
  readonly withSource?: (text: string, source: SourceInfo, o: PresentOptions) => string;
  /** What it has no place for, by kind of result: said on standard error, a line each, after the text. */
  readonly remarks?: { readonly [K in ResultKind]?: (result: Results[K], o: PresentOptions) => readonly string[] };
}
