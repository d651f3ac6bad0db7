import { useState } from 'react';
import type { components } from '#api-client';
import { ApiProblem } from '../api/problem';
import { Button } from '../ui/button';
import { dayInWords, momentDayInWords, momentInWords } from '../ui/dates-in-words';
import { Form } from '../ui/form';
import { FormError } from '../ui/form-error';
import { QueryState } from '../ui/query-state';
import { RadioGroupField } from '../ui/radio-group-field';
import { applicationCalls, useApplicationChange, useExamWindows } from './use-application';

type SitExam = Extract<components['schemas']['PendingStep'], { step: 'sit_exam' }>;
type ExamWindow = components['schemas']['ExamWindow'];

/** The exam: how long the approval lasts, and the sitting booked, or the sittings to choose from. */
export function ExamSection({ applicationId, step }: { applicationId: string; step: SitExam }) {
  return (
    <section id="exam" aria-labelledby="exam-heading" className="section">
      <h2 id="exam-heading">Your exam</h2>
      <p>
        You were approved to sit the exam on {momentDayInWords(step.approvedAt)}. The approval is valid until{' '}
        <strong>{momentDayInWords(step.approvalExpiresAt)}</strong>: sit both parts before then.
      </p>
      {step.sitting ? (
        <div className="notice notice-success">
          <p>
            You are registered for the sitting on <strong>{dayInWords(step.sitting.sitsOn)}</strong>,{' '}
            {step.sitting.online ? 'online' : `at ${step.sitting.location}`}.
          </p>
          <p>
            Your candidate code is <strong>{step.sitting.candidateCode}</strong>. Write it, not your name, on every page of the exam.
          </p>
        </div>
      ) : (
        <ChooseSitting applicationId={applicationId} />
      )}
    </section>
  );
}

function sittingInWords(w: ExamWindow): string {
  const where = w.online ? 'online' : (w.location ?? 'in person');
  return `${dayInWords(w.sitsOn)}, ${where} (${w.seatsLeft} ${w.seatsLeft === 1 ? 'seat' : 'seats'} left; register by ${momentInWords(w.registrationClosesAt)})`;
}

function ChooseSitting({ applicationId }: { applicationId: string }) {
  const windows = useExamWindows(true);
  const [windowId, setWindowId] = useState<string | null>(null);
  const register = useApplicationChange(applicationId, (id: string) => applicationCalls.registerForExam(applicationId, id));
  const problem = register.error instanceof ApiProblem ? register.error : null;
  return (
    <QueryState query={windows} loading="Loading the sittings…">
      {({ windows: list }) => {
        const open = list.filter((w) => w.seatsLeft > 0);
        if (open.length === 0) return <p>No sitting is open for registration yet. We will email you when one opens.</p>;
        return (
          <Form
            onSubmit={(event) => {
              event.preventDefault();
              if (windowId) register.mutate(windowId);
            }}
          >
            <RadioGroupField
              label="Choose a sitting"
              isRequired
              value={windowId}
              onChange={setWindowId}
              options={open.map((w) => ({ id: w.id, label: sittingInWords(w) }))}
            />
            <FormError problem={problem} />
            <Button type="submit" isPending={register.isPending}>
              Register for this sitting
            </Button>
          </Form>
        );
      }}
    </QueryState>
  );
}
