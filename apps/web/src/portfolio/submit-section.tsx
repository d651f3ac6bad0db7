import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/api';
import { call } from '../api/call';
import { ApiProblem } from '../api/problem';
import { allows } from '../applications/allows';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormError } from '../ui/form-error';
import type { Application } from './sections';
import { applicationKey } from './use-application';

/** Submit, offered once the API finds nothing missing and lists it as allowed, after saying what happens next. */
export function SubmitSection({ application }: { application: Application }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const raters = application.portfolio.references?.length ?? 0;

  async function submit(): Promise<void> {
    setProblem(null);
    try {
      const current = queryClient.getQueryData<Application>(applicationKey(application.id)) ?? application;
      await call(
        api.POST('/api/v1/applications/{id}/submit', { params: { path: { id: application.id }, header: { 'If-Match': `"${current.version}"` } }, body: {} }),
      );
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      await queryClient.invalidateQueries({ queryKey: applicationKey(application.id) });
      void navigate(`/?submitted=${application.id}`);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.code === 'version_conflict') await queryClient.refetchQueries({ queryKey: applicationKey(application.id) });
      setProblem(error);
    }
  }

  if (application.eligibilityGaps.length > 0 || !allows(application, 'submit', 'resubmit')) return null;
  return (
    <section aria-labelledby="submit-heading">
      <h2 id="submit-heading">Submit your application</h2>
      <p>Check your answers first: once submitted, you cannot change your portfolio unless the reviewers return it to you.</p>
      <FormError problem={problem} />
      <ConfirmDialog trigger="Submit my application" title="Submit your application?" confirm="Yes, submit it" tone="primary" onConfirm={submit}>
        <p>When you submit:</p>
        <ul>
          <li>the association checks your application;</li>
          <li>then we email your {raters === 1 ? 'reference' : `${raters} references`} a link to their form, and remind them if they do not answer;</li>
          <li>two reviewers review your portfolio;</li>
          <li>we email you at each step, and your application page shows where it stands.</li>
        </ul>
      </ConfirmDialog>
    </section>
  );
}
