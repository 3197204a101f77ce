import { toJson, withSource } from '../json-output';
import type { OutputFormat } from '../output-format';
import { canJson, servicesJson, whoJson } from '../present-access';
import { listJson, matrixJson, searchJson, showJson } from '../present-catalog';
import { problemsPresenter } from '../problems-on-demand';

/* eslint-disable @typescript-eslint/no-require-imports */
// diff's and check-source's reports load when they present: a query never pays for them (__tests__/module-load.test.ts).
const diffs = (): typeof import('../present-diff') => require('../present-diff') as typeof import('../present-diff');
const checks = (): typeof import('../present-check-source') => require('../present-check-source') as typeof import('../present-check-source');
/* eslint-enable @typescript-eslint/no-require-imports */

/** JSON: one document per run, its shape in schema/output.schema.json; an answer from the catalogue carries `source` itself. */
export const json = {
  forPeople: false,
  presenters: {
    validate: (r, o) => problemsPresenter().validationJson(r, o),
    services: servicesJson,
    who: whoJson,
    can: canJson,
    show: showJson,
    list: listJson,
    search: searchJson,
    matrix: matrixJson,
    diff: (r, o) => diffs().diffJson(r, o),
    'check-source': (r, o) => checks().checkSourceJson(r, o),
    export: (data, o) => toJson(withSource({ command: 'export', version: 1, catalog: data.catalog }, o)),
  },
} satisfies OutputFormat;
