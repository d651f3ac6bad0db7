import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/api';
import { call } from '../../api/call';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { Page } from '../../app/page';
import { usePartInView } from '../../applications/use-part-in-view';
import { Button } from '../../ui/button';
import { momentDayInWords } from '../../ui/dates-in-words';
import { FormError } from '../../ui/form-error';
import { QueryState } from '../../ui/query-state';
import { PanelSection } from '../panel/panel-section';
import { PortfolioView } from '../portfolio/portfolio-view';
import { STATE_NAMES, waitingFor } from '../staff-words';
import { EmailsSection } from './emails-section';
import { ReferencesSection } from './references-section';
import { TimelineSection } from './timeline-section';
import { TransitionsSection } from './transitions-section';
import { staffApplicationKey, useStaffApplication, type StaffApplication } from './use-staff-application';
import type { Conflict } from './use-versioned-step';

/** One application under review (the page staff emails link to): its record, the steps to take, its panel and history. */
export function StaffApplicationPage() {
  const { id = '' } = useParams();
  const application = useStaffApplication(id);
  const title = application.data ? `${application.data.applicant.name}, ${application.data.categoryCode}` : 'Application';
  return (
    <Page title={title} wide>
      <QueryState query={application}>{(data) => <ApplicationDetail application={data} />}</QueryState>
    </Page>
  );
}

function ApplicationDetail({ application }: { application: StaffApplication }) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Staff emails link to the part they are about (#references, #panel).
  usePartInView(true);

  async function reload(): Promise<void> {
    await queryClient.invalidateQueries({ queryKey: staffApplicationKey(application.id) });
    setConflict(null);
  }

  return (
    <>
      {conflict && (
        <div className="notice notice-error" role="alert">
          <p>
            Someone else changed this application while you were looking at it. You saw it in <strong>{STATE_NAMES[conflict.sawState]}</strong>
            {conflict.currentState && (
              <>
                ; it is now in <strong>{STATE_NAMES[conflict.currentState]}</strong>
              </>
            )}
            {conflict.currentVersion !== undefined &&
              ` (${conflict.currentVersion - conflict.sawVersion} change${conflict.currentVersion - conflict.sawVersion === 1 ? '' : 's'} since)`}
            . Nothing you did was saved. Reload to see it as it is now, then decide again.
          </p>
          <Button onPress={() => void reload()}>Reload</Button>
        </div>
      )}
      <Summary application={application} />
      <TransitionsSection application={application} onConflict={setConflict} />
      {(application.state === 'panel_review' || application.panelVotes.length > 0) && <PanelSection application={application} onConflict={setConflict} />}
      <ReferencesSection application={application} />
      <EmailsSection application={application} />
      <PortfolioView portfolio={application.portfolio} eligibilityGaps={application.eligibilityGaps} />
      <TimelineSection applicationId={application.id} />
    </>
  );
}

function Summary({ application }: { application: StaffApplication }) {
  const queryClient = useQueryClient();
  const session = useSession();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const mine = session.status === 'signed-in' && application.assignee?.id === session.account.id;
  async function claim(): Promise<void> {
    setProblem(null);
    try {
      await call(api.POST('/api/v1/staff/applications/{id}/claim', { params: { path: { id: application.id } } }));
      await queryClient.invalidateQueries({ queryKey: ['staff'] });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  }
  return (
    <dl className="summary">
      <dt>State</dt>
      <dd>
        <span className="badge">{STATE_NAMES[application.state]}</span> since {momentDayInWords(application.stateChangedAt)} (
        {waitingFor(application.stateChangedAt)}){application.heldFrom && ` · held from ${STATE_NAMES[application.heldFrom]}`}
      </dd>
      <dt>Applicant</dt>
      <dd>
        {application.applicant.name} · {application.applicant.email}
      </dd>
      <dt>Category</dt>
      <dd>
        {application.categoryCode}
        {application.trackCode ? ` (${application.trackCode})` : ''}
        {application.submittedAt && ` · submitted ${momentDayInWords(application.submittedAt)}`}
      </dd>
      <dt>Assigned to</dt>
      <dd>
        {application.assignee ? (mine ? 'You' : application.assignee.name) : 'Nobody yet'}
        {!mine && (
          <>
            {' '}
            <Button variant="secondary" className="button-small" onPress={() => void claim()}>
              Claim
            </Button>
          </>
        )}
        <FormError problem={problem} />
      </dd>
    </dl>
  );
}
