import { useState } from 'react';
import { api } from '../../api/api';
import { call } from '../../api/call';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { TextField } from '../../ui/text-field';
import { eventLabel } from '../staff-words';
import type { StaffApplication } from './use-staff-application';
import { useVersionedStep, type Conflict } from './use-versioned-step';

type Allowed = StaffApplication['allowedEvents'][number];

/** The steps this person's role may take now, as the API lists them; a reason field where one is required. */
export function TransitionsSection({ application, onConflict }: { application: StaffApplication; onConflict: (c: Conflict) => void }) {
  const step = useVersionedStep(application, onConflict);
  // Buttons here say they are busy by being disabled: a pending React Aria button announces itself by
  // its id, which outlives the button once the step it took removes it.
  // Events with a route of their own (panel outcomes, exam scores) are taken on their own forms.
  const here = application.allowedEvents.filter((a) => a.endpoint === null);
  const fire = (event: Allowed['event'], reason?: string) =>
    step.run((ifMatch) =>
      call(api.POST('/api/v1/staff/applications/{id}/transitions', { params: { path: { id: application.id }, header: { 'If-Match': ifMatch } }, body: { event, reason } })),
    );
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">Next steps</h2>
      {here.length === 0 ? (
        <p className="muted">There is no step for you to take on this application now.</p>
      ) : (
        <div className="steps">
          {here.map((allowed) =>
            allowed.reasonRequired ? (
              <ReasonStep key={allowed.event} allowed={allowed} pending={step.pending} onFire={(reason) => fire(allowed.event, reason)} />
            ) : allowed.event === 'withdraw' ? (
              <ConfirmDialog key={allowed.event} trigger={eventLabel(allowed.event)} title="Withdraw this application?" confirm="Withdraw" onConfirm={async () => void (await fire(allowed.event))}>
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
