import type { Problem, ProblemDetail } from '../catalog/problem';
import type { Messages } from './messages/messages';

/** What a problem says, in the messages' language. */
export function problemMessage(p: Pick<Problem, 'detail'>, m: Messages): string {
  const say = m.problems[p.detail.id] as (d: ProblemDetail) => string;
  return say(p.detail);
}
