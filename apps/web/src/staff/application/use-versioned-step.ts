import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { staffApplicationKey, type StaffApplication } from './use-staff-application';

export interface Conflict {
  sawState: StaffApplication['state'];
  sawVersion: number;
  currentState?: StaffApplication['state'];
  currentVersion?: number;
}

/**
 * A step on the application at the version this page shows (If-Match). When someone else moved it
 * first (409 version_conflict) the page says what changed and offers to reload; other refusals are
 * kept for the form that asked.
 */
export function useVersionedStep(application: StaffApplication, onConflict: (conflict: Conflict) => void) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function run(step: (ifMatch: string) => Promise<unknown>): Promise<boolean> {
    setPending(true);
    setProblem(null);
    try {
      await step(`"${application.version}"`);
      await queryClient.invalidateQueries({ queryKey: staffApplicationKey(application.id) });
      await queryClient.invalidateQueries({ queryKey: ['staff', 'queues'] });
      return true;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.code === 'version_conflict') {
        onConflict({
          sawState: application.state,
          sawVersion: application.version,
          currentState: error.problem.currentState as StaffApplication['state'] | undefined,
          currentVersion: error.problem.currentVersion as number | undefined,
        });
      } else setProblem(error);
      return false;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, problem };
}
