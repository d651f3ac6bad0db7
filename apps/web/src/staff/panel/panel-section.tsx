import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api';
import { call } from '../../api/call';
import { Button } from '../../ui/button';
import { momentInWords } from '../../ui/dates-in-words';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { staffApplicationKey, type StaffApplication } from '../application/use-staff-application';
import { useVersionedStep, type Conflict } from '../application/use-versioned-step';
import { useColleagues } from '../queues/use-queue';

const RECOMMENDATION_WORDS: Record<string, string> = { endorse: 'Endorse', defer: 'Defer', deny: 'Deny' };
const DECISIONS = [
  { id: 'endorse', label: 'Endorse' },
  { id: 'defer', label: 'Defer (the applicant amends and is reviewed again)' },
  { id: 'deny', label: 'Deny' },
];

/** The review panel of the current round: who sits on it, their votes side by side, and the administrator's decision when they disagree. */
export function PanelSection({ application, onConflict }: { application: StaffApplication; onConflict: (c: Conflict) => void }) {
  const { panel } = application;
  const votes = application.panelVotes.filter((v) => v.round === panel.round);
  const decides = panel.escalated && application.allowedEvents.some((a) => a.event === 'panel_endorse');
  return (
    <section aria-labelledby="panel-heading" id="panel">
      <h2 id="panel-heading">Review panel</h2>
      {panel.reviewers.length > 0 ? (
        <p>
          Round {panel.round}: {panel.reviewers.map((r) => r.name).join(' and ')}. {votes.length} of 2 votes in.
        </p>
      ) : (
        <p>No reviewer is seated yet.</p>
      )}
      {votes.length > 0 && (
        <div className="votes">
          {votes.map((v) => (
            <article key={v.reviewerId} className="card" aria-label={`Vote of ${v.reviewerName ?? 'a reviewer'}`}>
              <h3>{v.reviewerName ?? 'A reviewer'}</h3>
              <p>
                <strong>{RECOMMENDATION_WORDS[v.recommendation] ?? v.recommendation}</strong> <span className="muted">({momentInWords(v.createdAt)})</span>
              </p>
              {v.notes && <p className="quote">“{v.notes}”</p>}
            </article>
          ))}
        </div>
      )}
      {panel.escalated && !decides && <p className="notice notice-warning">The reviewers disagree: an administrator decides.</p>}
      {decides && <PanelDecision application={application} onConflict={onConflict} />}
      {application.state === 'panel_review' && votes.length === 0 && <SeatPanel application={application} />}
    </section>
  );
}

function SeatPanel({ application }: { application: StaffApplication }) {
  const queryClient = useQueryClient();
  const reviewers = useColleagues('reviewer');
  const seated = application.panel.reviewers.map((r) => r.id);
  const [first, setFirst] = useState<string | null>(seated[0] ?? null);
  const [second, setSecond] = useState<string | null>(seated[1] ?? null);
  const items = (reviewers.data?.colleagues ?? []).map((c) => ({ id: c.id, label: c.name }));
  const form = useSubmit(async () => {
    await call(
      api.POST('/api/v1/staff/applications/{id}/panel', { params: { path: { id: application.id } }, body: { reviewerIds: [first ?? '', second ?? ''] } }),
    );
    await queryClient.invalidateQueries({ queryKey: staffApplicationKey(application.id) });
  });
  return (
    <Form className="form" {...form.formProps} aria-label="Seat the panel">
      <h3>{seated.length ? 'Change the panel' : 'Seat the panel'}</h3>
      <SelectField
        label="First reviewer"
        items={items.filter((i) => i.id !== second)}
        selectedKey={first}
        onSelectionChange={(k) => setFirst(k as string)}
        isRequired
        placeholder="Choose a reviewer"
      />
      <SelectField
        label="Second reviewer"
        items={items.filter((i) => i.id !== first)}
        selectedKey={second}
        onSelectionChange={(k) => setSecond(k as string)}
        isRequired
        placeholder="Choose a reviewer"
      />
      <FormError problem={form.problem} />
      <Button type="submit" isDisabled={!first || !second || form.pending}>
        Seat these reviewers
      </Button>
    </Form>
  );
}

function PanelDecision({ application, onConflict }: { application: StaffApplication; onConflict: (c: Conflict) => void }) {
  const step = useVersionedStep(application, onConflict);
  const [recommendation, setRecommendation] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const needsReason = application.allowedEvents.find((a) => a.event === `panel_${recommendation}`)?.reasonRequired ?? false;
  return (
    <Form
      className="form notice notice-warning"
      aria-label="Your decision"
      onSubmit={(e) => {
        e.preventDefault();
        void step.run((ifMatch) =>
          call(
            api.POST('/api/v1/staff/applications/{id}/panel-decision', {
              params: { path: { id: application.id }, header: { 'If-Match': ifMatch } },
              body: { recommendation: recommendation as 'endorse', reason: reason.trim() || undefined },
            }),
          ),
        );
      }}
    >
      <h3>The reviewers disagree: your decision</h3>
      <SelectField
        label="Decision"
        items={DECISIONS}
        selectedKey={recommendation}
        onSelectionChange={(k) => setRecommendation(k as string)}
        isRequired
        placeholder="Choose"
      />
      <TextField
        label="Reason for your decision"
        description="The applicant reads it."
        multiline
        isRequired={needsReason}
        maxLength={4000}
        value={reason}
        onChange={setReason}
      />
      <FormError problem={step.problem} />
      <Button type="submit" isDisabled={!recommendation || step.pending}>
        Decide
      </Button>
    </Form>
  );
}
