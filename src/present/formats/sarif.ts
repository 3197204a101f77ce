import type { OutputFormat } from '../output-format';
import { problemsPresenter } from '../problems-on-demand';

/** SARIF 2.1.0: one log of validate's problems, for code-scanning tools. */
export const sarif = {
  forPeople: false,
  presenters: {
    validate: (r, o) => problemsPresenter().validationSarif(r, o),
  },
} satisfies OutputFormat;
