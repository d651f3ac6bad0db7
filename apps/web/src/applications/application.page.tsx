import { Link, useParams } from 'react-router';
import type { components } from '#api-client';
import { Page } from '../app/page';
import { ChangeProblem } from '../ui/change-problem';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Button } from '../ui/button';
import { momentDayInWords } from '../ui/dates-in-words';
import { QueryState } from '../ui/query-state';
import { allows } from './allows';
import { ExamSection } from './exam-section';
import { EmailsSection, NextStepsSection, TimelineSection } from './history-sections';
import { STATE_IN_WORDS } from './plain-words';
import { ReferencesSection } from './references-section';
import { applicationCalls, useApplication, useApplicationChange, useTimeline } from './use-application';
import { usePartInView } from './use-part-in-view';

type Application = components['schemas']['Application'];

const ENDORSEMENT_STATES = new Set(['endorsed', 'renewal_due', 'lapsed']);

/** An application as its applicant follows it: the address every applicant email links to. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  const title = application.data ? `Your ${application.data.displayName} application` : 'Your application';
  return (
    <Page title={title}>
      <QueryState query={application} loading="Loading your application…">
        {(app) => <ApplicationView app={app} reload={() => void application.refetch()} />}
      </QueryState>
    </Page>
  );
}

function ApplicationView({ app, reload }: { app: Application; reload: () => void }) {
  const sitExam = app.pendingSteps.find((s) => s.step === 'sit_exam');
  usePartInView(true);
  return (
    <>
      <section id="status" aria-labelledby="status-heading" className="section">
        <h2 id="status-heading" className="visually-hidden">
          Where it stands
        </h2>
        <p className="state-line">
          <span className={`state state-${app.state}`}>{STATE_IN_WORDS[app.state] ?? app.state}</span>
        </p>
        <p className="muted">
          Started on {momentDayInWords(app.createdAt)}
          {app.submittedAt && `; submitted on ${momentDayInWords(app.submittedAt)}`}.
        </p>
        {allows(app, 'submit') && (
          <p>
            <Link className="button button-primary call-to-action" to={`/applications/${app.id}/edit`}>
              Continue your application
            </Link>
          </p>
        )}
        {app.state === 'deferred' && <Deferral app={app} reload={reload} />}
        {ENDORSEMENT_STATES.has(app.state) && (
          <p>
            <Link className="button button-primary call-to-action" to={`/endorsements/${app.id}`}>
              {allows(app, 'reinstate') ? 'Reinstate your endorsement' : 'Your endorsement, continuing education and renewal'}
            </Link>
          </p>
        )}
      </section>
      <NextStepsSection steps={app.pendingSteps} />
      {sitExam?.step === 'sit_exam' && <ExamSection applicationId={app.id} step={sitExam} />}
      {app.state !== 'draft' && <ReferencesSection applicationId={app.id} references={app.references} />}
      <TimelineSection applicationId={app.id} />
      <EmailsSection applicationId={app.id} />
      {allows(app, 'withdraw') && <Withdraw app={app} reload={reload} />}
    </>
  );
}

/** Why the reviewers returned the application, and the way to amend and send it back. */
function Deferral({ app, reload }: { app: Application; reload: () => void }) {
  const timeline = useTimeline(app.id);
  const reason = [...(timeline.data?.events ?? [])].reverse().find((e) => e.event === 'panel_defer')?.reason;
  const resubmit = useApplicationChange(app.id, () => applicationCalls.submit(app.id, app.version));
  return (
    <div id="deferral" className="notice notice-warning">
      <h3>The reviewers asked you to amend your portfolio</h3>
      {reason && <p className="reason">“{reason}”</p>}
      <p>Change what they asked for, then submit your application again.</p>
      <p>
        <Link className="button button-primary" to={`/applications/${app.id}/edit`}>
          Amend your portfolio
        </Link>
      </p>
      {allows(app, 'resubmit') && (
        <Button variant="secondary" isPending={resubmit.isPending} onPress={() => resubmit.mutate(undefined)}>
          Submit it again
        </Button>
      )}
      <ChangeProblem error={resubmit.error} onReload={reload} />
    </div>
  );
}

function Withdraw({ app, reload }: { app: Application; reload: () => void }) {
  const withdraw = useApplicationChange(app.id, () => applicationCalls.withdraw(app.id, app.version));
  return (
    <section id="withdraw" aria-labelledby="withdraw-heading" className="section">
      <h2 id="withdraw-heading">Withdraw</h2>
      <p>If you no longer want to be endorsed in this category, you can withdraw this application. This cannot be undone: you would have to start a new one.</p>
      <ConfirmDialog
        trigger="Withdraw this application"
        title="Withdraw your application?"
        confirm="Yes, withdraw it"
        onConfirm={() =>
          withdraw.mutateAsync(undefined).then(
            () => undefined,
            () => undefined,
          )
        }
      >
        <p>Your application for {app.displayName} will be closed and your raters will no longer be asked. This cannot be undone.</p>
      </ConfirmDialog>
      <ChangeProblem error={withdraw.error} onReload={reload} />
    </section>
  );
}
