import { messageFor } from '../api/problem-messages';
import type { ApiProblem } from '../api/problem';

/** A form's problem in a plain sentence, announced by screen readers as it appears. */
export function FormError({ problem }: { problem: ApiProblem | null | undefined }) {
  return (
    <div role="alert" className={problem ? 'notice notice-error' : undefined}>
      {problem ? messageFor(problem) : null}
    </div>
  );
}
