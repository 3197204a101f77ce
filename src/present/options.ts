import type { SourceInfo } from '../catalog/model';
import type { Messages } from './messages/messages';

/** Languages the tool speaks. */
export type Lang = 'fr' | 'en';

/** The few styles presenters use; all identity functions when color is off. */
export interface Palette {
  readonly enabled: boolean;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly good: (s: string) => string;
  readonly bad: (s: string) => string;
  readonly warn: (s: string) => string;
  readonly accent: (s: string) => string;
}

/** Builds the palette for a color decision made by the CLI; presenters never look at the environment. */
export function makePalette(enabled: boolean): Palette {
  if (!enabled) {
    const same = (s: string): string => s;
    return { enabled, bold: same, dim: same, good: same, bad: same, warn: same, accent: same };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const chalk = require('chalk') as typeof import('chalk');
  const c = new chalk.Instance({ level: 1 });
  // One argument each: chalk joins every argument it is given, so `lines.map(palette.bold)` would style "line 0 line,..." otherwise.
  const one =
    (style: (...text: unknown[]) => string) =>
    (s: string): string =>
      style(s);
  return { enabled, bold: one(c.bold), dim: one(c.dim), good: one(c.green), bad: one(c.red), warn: one(c.yellow), accent: one(c.cyan) };
}

/** The run's messages and language: what a helper that words a result needs of the presenter's options. */
export type Wording = Pick<PresentOptions, 'm' | 'lang'>;

/** What every presenter is given besides its result. */
export interface PresentOptions {
  /** Everything the tool says, in the run's language, chosen once by the CLI. */
  readonly m: Messages;
  /** The run's language, for the data that has a text in each (names, descriptions, conditions, notes) and the formats that name it. */
  readonly lang: Lang;
  readonly palette: Palette;
  /** Columns available for tables. */
  readonly width: number;
  /**
   * Columns for line-oriented reports (validate, diff): the terminal's width
   * at a terminal, unbounded otherwise, so that a piped problem stays on one
   * `file:line:col: CODE message` line for the tools that read it.
   */
  readonly lineWidth: number;
  /** The directory file paths are shown relative to (GitHub annotations, SARIF). */
  readonly cwd: string;
  /** The tool's version, for formats that name the tool (SARIF, HTML). */
  readonly version: string;
  /** The page the catalogue in use transcribes and when it was last checked, for answers from that catalogue; null before one is loaded. */
  readonly source: SourceInfo | null;
}
