import type { OutputFormat } from '../output-format';
import { problemsPresenter } from '../problems-on-demand';

/* eslint-disable @typescript-eslint/no-require-imports */
// check-source's report loads when it presents: a query never pays for it (__tests__/module-load.test.ts).
const checks = (): typeof import('../present-check-source') => require('../present-check-source') as typeof import('../present-check-source');
/* eslint-enable @typescript-eslint/no-require-imports */

/** GitHub workflow commands: an annotation per problem or finding, on the file and line it concerns. */
export const github = {
  forPeople: false,
  presenters: {
    validate: (r, o) => problemsPresenter().validationGithub(r, o),
    'check-source': (r, o) => checks().checkSourceGithub(r, o),
  },
} satisfies OutputFormat;
