import type { OutputFormat } from '../output-format';

/** One self-contained HTML page of the whole catalogue. */
export const html = {
  forPeople: false,
  presenters: {
    // The page (its template, script and strings) loads only when asked for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    export: (data, o) => (require('../present-html') as typeof import('../present-html')).presentHtml(data, o),
  },
} satisfies OutputFormat;
