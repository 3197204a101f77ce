import type { OutputFormat } from '../output-format';
import { canCsv, csvRemarks, servicesCsv, whoCsv } from '../present-access';
import { listCsv, matrixCsv, searchCsv, showCsv } from '../present-catalog';

/** CSV: rows of data only; what it has no place for (how a name was read, the notes) is said on standard error. */
export const csv = {
  forPeople: false,
  presenters: {
    services: servicesCsv,
    who: whoCsv,
    can: canCsv,
    show: showCsv,
    list: listCsv,
    search: searchCsv,
    matrix: matrixCsv,
  },
  remarks: {
    services: (r, o) => csvRemarks(r.read_as, r.notes, o, false),
    who: (r, o) => csvRemarks(r.read_as, r.notes, o, true),
    can: (r, o) => csvRemarks(r.read_as, [], o, false),
  },
} satisfies OutputFormat;
