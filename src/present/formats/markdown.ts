import { mdText } from '../markdown';
import type { OutputFormat } from '../output-format';
import { canMarkdown, servicesMarkdown, whoMarkdown } from '../present-access';
import { listMarkdown, matrixMarkdown, searchMarkdown, showMarkdown } from '../present-catalog';
import { sourceLine } from '../source-line';

/* eslint-disable @typescript-eslint/no-require-imports */
// diff's and check-source's reports load when they present: a query never pays for them (__tests__/module-load.test.ts).
const diffs = (): typeof import('../present-diff') => require('../present-diff') as typeof import('../present-diff');
const checks = (): typeof import('../present-check-source') => require('../present-check-source') as typeof import('../present-check-source');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Markdown (CommonMark, with GitHub's tables); an answer from the catalogue ends with the source line, in italics. */
export const markdown = {
  forPeople: false,
  presenters: {
    services: servicesMarkdown,
    who: whoMarkdown,
    can: canMarkdown,
    show: showMarkdown,
    list: listMarkdown,
    search: searchMarkdown,
    matrix: matrixMarkdown,
    diff: (r, o) => diffs().diffMarkdown(r, o),
    'check-source': (r, o) => checks().checkSourceMarkdown(r, o),
  },
  withSource: (text, source, o) => `${text}\n_${mdText(sourceLine(source, o.m))}_\n`,
} satisfies OutputFormat;
