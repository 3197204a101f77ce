import type { CommandDefinition } from '../command';
import { canCommand } from './can';
import { checkSourceCommand } from './check-source';
import { completionCommand } from './completion';
import { makeCompleteCommand } from './complete-words';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { fmtCommand } from './fmt';
import { listCommand } from './list';
import { matrixCommand } from './matrix';
import { searchCommand } from './search';
import { servicesCommand } from './services';
import { showCommand } from './show';
import { validateCommand } from './validate';
import { whoCommand } from './who';

/** The examples under the program's own help. */
export const PROGRAM_EXAMPLES: readonly string[] = ['services podiatrist', 'who SELAT --tier request', 'can "hygiéniste dentaire" facturacte'];

/**
 * Every command of the CLI, in the order `--help` lists them. The program,
 * `--help`, completion and the tests all read this list: a new command is one
 * file under src/cli/commands/ and one line here.
 */
export const COMMANDS: readonly CommandDefinition[] = [
  validateCommand,
  servicesCommand,
  whoCommand,
  canCommand,
  showCommand,
  listCommand,
  searchCommand,
  matrixCommand,
  diffCommand,
  fmtCommand,
  checkSourceCommand,
  exportCommand,
  completionCommand,
  makeCompleteCommand(() => COMMANDS),
];
