import { ApiProblem } from '../api/problem';
import { Button } from './button';
import { FormError } from './form-error';

/**
 * Why a change was refused, in a sentence; when someone else changed the thing meanwhile (409), a
 * button to load the latest version before trying again.
 */
export function ChangeProblem({ error, onReload }: { error: unknown; onReload: () => void }) {
  const problem = error instanceof ApiProblem ? error : error ? ApiProblem.server(0) : null;
  return (
    <>
      <FormError problem={problem} />
      {problem?.status === 409 && (
        <Button variant="secondary" onPress={onReload}>
          Reload the latest version
        </Button>
      )}
    </>
  );
}
