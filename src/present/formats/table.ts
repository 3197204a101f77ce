import type { OutputFormat } from '../output-format';
import { canTable, servicesTable, whoTable } from '../present-access';
import { listTable, matrixTable, searchTable, showTable } from '../present-catalog';
import { problemsPresenter } from '../problems-on-demand';
import { sourceLine } from '../source-line';
import { wrap } from '../text-formats';

/* eslint-disable @typescript-eslint/no-require-imports */
// diff's and check-source's reports load when they present: a query never pays for them (__tests__/module-load.test.ts).
const diffs = (): typeof import('../present-diff') => require('../present-diff') as typeof import('../present-diff');
const checks = (): typeof import('../present-check-source') => require('../present-check-source') as typeof import('../present-check-source');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The table format: for a person at a terminal, colored when color is on, fitted to its width; an answer from the catalogue ends with the source line. */
export const table = {
  forPeople: true,
  presenters: {
    validate: (r, o) => problemsPresenter().validationTable(r, o),
    services: servicesTable,
    who: whoTable,
    can: canTable,
    show: showTable,
    list: listTable,
    search: searchTable,
    matrix: matrixTable,
    diff: (r, o) => diffs().diffTable(r, o),
    'check-source': (r, o) => checks().checkSourceTable(r, o),
  },
  withSource: (text, source, o) => `${text}${wrap(sourceLine(source, o.m), o.width).map(o.palette.dim).join('\n')}\n`,
} satisfies OutputFormat;
