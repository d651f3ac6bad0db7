import { useState } from 'react';
import { api } from '../../api/api';
import { call } from '../../api/call';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/text-field';
import { eventLabel } from '../staff-words';
import { examApprovalInWords, type ExamApproval } from '../exam/exam-approval-words';
import { ExamApprovalStep } from './exam-approval-step';
import type { StaffApplication } from './use-staff-application';
import { useVersionedStep, type Conflict } from './use-versioned-step';

type Allowed = StaffApplication['allowedEvents'][number];

/**
 * The steps this person's role may take now, as the API lists them: those it says are blocked, with
 * why; a reason field where one is required; the exam approval with its choice of sitting.
 */
export function TransitionsSection({ application, onConflict }: { application: StaffApplication; onConflict: (c: Conflict) => void }) {
  const step = useVersionedStep(application, onConflict);
  // Kept here: an approved application no longer offers the step, and its form goes with it.
  const [approval, setApproval] = useState<ExamApproval | null>(null);
  // Buttons here say they are busy by being disabled: a pending React Aria button announces itself by
  // its id, which outlives the button once the step it took removes it.
  // Events with a route of their own are taken on their own forms (panel outcomes, exam scores), except
  // the exam approval, which is taken here.
  const here = application.allowedEvents.filter((a) => a.endpoint === null || a.event === 'approve_exam');
  const open = here.filter((a) => a.blockedBy.length === 0);
  const blocked = here.filter((a) => a.blockedBy.length > 0);
  const fire = (event: Allowed['event'], reason?: string) =>
    step.run((ifMatch) =>
      call(
        api.POST('/api/v1/staff/applications/{id}/transitions', {
          params: { path: { id: application.id }, header: { 'If-Match': ifMatch } },
          body: { event, reason },
        }),
      ),
    );
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">Next steps</h2>
      {approval && (
        <div role="status">
          <Notice tone="success">{examApprovalInWords(application.applicant.name, approval)}</Notice>
        </div>
      )}
      {open.length === 0 ? (
        <p className="muted">There is no step for you to take on this application now.</p>
      ) : (
        <div className="steps">
          {open.map((allowed) =>
            allowed.event === 'approve_exam' ? (
              <ExamApprovalStep
                key={allowed.event}
                applicationId={application.id}
                applicantName={application.applicant.name}
                pending={step.pending}
                run={step.run}
                onApproved={setApproval}
              />
            ) : allowed.reasonRequired ? (
              <ReasonStep key={allowed.event} allowed={allowed} pending={step.pending} onFire={(reason) => fire(allowed.event, reason)} />
            ) : allowed.event === 'withdraw' ? (
              <ConfirmDialog
                key={allowed.event}
                trigger={eventLabel(allowed.event)}
                title="Withdraw this application?"
                confirm="Withdraw"
                onConfirm={async () => void (await fire(allowed.event))}
              >
                <p>The applicant is told. A withdrawn application cannot be reopened.</p>
              </ConfirmDialog>
            ) : (
              <Button key={allowed.event} onPress={() => void fire(allowed.event)} isDisabled={step.pending}>
                {eventLabel(allowed.event)}
              </Button>
            ),
          )}
        </div>
      )}
      {blocked.length > 0 && (
        <ul className="muted blocked-steps" aria-label="Steps not possible now">
          {blocked.map((allowed) => (
            <li key={allowed.event}>
              {eventLabel(allowed.event)}: not now, {allowed.blockedBy.map((g) => g.message).join('; ')}.
            </li>
          ))}
        </ul>
      )}
      <FormError problem={step.problem} />
    </section>
  );
}

function ReasonStep({ allowed, pending, onFire }: { allowed: Allowed; pending: boolean; onFire: (reason: string) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  const label = eventLabel(allowed.event);
  return (
    <Form
      className="form reason-step"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void onFire(reason.trim()).then((fired) => fired && setReason(''));
      }}
    >
      <TextField
        label={`Reason (${label.toLowerCase()})`}
        description="The applicant reads it: say what is missing and what to do next."
        multiline
        isRequired
        maxLength={2000}
        value={reason}
        onChange={setReason}
      />
      <Button type="submit" variant="secondary" isDisabled={pending}>
        {label}
      </Button>
    </Form>
  );
}
