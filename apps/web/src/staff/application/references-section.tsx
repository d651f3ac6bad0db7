import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api';
import { call } from '../../api/call';
import { Button } from '../../ui/button';
import { momentDayInWords, momentInWords } from '../../ui/dates-in-words';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { words } from '../staff-words';
import { staffApplicationKey, type StaffApplication } from './use-staff-application';

type Reference = StaffApplication['references'][number];

const OUTCOMES = [
  { id: 'vetted', label: 'Reached: the rater is vetted' },
  { id: 'not_vetted', label: 'Reached: could not vet the rater' },
  { id: 'unreachable', label: 'Could not reach the rater' },
];
const OUTCOME_WORDS: Record<string, string> = { vetted: 'vetted', not_vetted: 'not vetted', unreachable: 'not reached' };
const STANDING_WORDS: Record<Reference['standing'], string> = { current: 'counts', replaced: 'replaced', revoked: 'no longer counts' };

const UNDELIVERED = new Set(['failed', 'bounced']);

/** The references with where each stands, the vetting call to record for a rater, and a new address for one whose email did not arrive. */
export function ReferencesSection({ application }: { application: StaffApplication }) {
  // Kept here: the replaced reference's card loses its form once the new request is made.
  const [sentTo, setSentTo] = useState<string | null>(null);
  const undelivered = new Set(application.deliveries.filter((d) => d.referenceId && UNDELIVERED.has(d.status)).map((d) => d.referenceId));
  return (
    <section aria-labelledby="references-heading" id="references">
      <h2 id="references-heading">References</h2>
      <div role="status">{sentTo && <Notice tone="success">A new request is on its way to {sentTo}.</Notice>}</div>
      <p>
        {application.currentReferenceCount} {application.currentReferenceCount === 1 ? 'reference counts' : 'references count'}.
      </p>
      {application.references.length === 0 ? (
        <p className="muted">No reference named yet.</p>
      ) : (
        <ul className="cards">
          {application.references.map((ref) => (
            <ReferenceCard
              key={ref.id}
              applicationId={application.id}
              reference={ref}
              undelivered={ref.standing === 'current' && (ref.status === 'bounced' || undelivered.has(ref.id))}
              onReplaced={setSentTo}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReferenceCard({
  applicationId,
  reference,
  undelivered,
  onReplaced,
}: {
  applicationId: string;
  reference: Reference;
  undelivered: boolean;
  onReplaced: (email: string) => void;
}) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  const form = useSubmit(async (fields, element) => {
    await call(
      api.POST('/api/v1/staff/applications/{id}/references/{referenceId}/vetting-call', {
        params: { path: { id: applicationId, referenceId: reference.id } },
        // No outcome chosen: the API names the missing field, shown beside the choice.
        body: { calledAt: new Date().toISOString(), outcome: (outcome ?? undefined) as 'vetted', notes: fields.notes ?? '' },
      }),
    );
    element.reset();
    setOutcome(null);
    await queryClient.invalidateQueries({ queryKey: staffApplicationKey(applicationId) });
  });
  return (
    <li className="card">
      <h3>
        {reference.raterName} <span className="muted">({words(reference.role)})</span>
      </h3>
      <p>
        {reference.raterEmail} · <span className="badge">{words(reference.status)}</span> · {STANDING_WORDS[reference.standing]}
        {reference.ratedAt && ` · rated ${momentDayInWords(reference.ratedAt)}`}
        {reference.vettedAt ? ` · vetted ${momentDayInWords(reference.vettedAt)}` : ' · not vetted'}
      </p>
      {reference.vettingCalls.length > 0 && (
        <ul>
          {reference.vettingCalls.map((c) => (
            <li key={c.id}>
              Call on {momentInWords(c.calledAt)}: {OUTCOME_WORDS[c.outcome] ?? c.outcome}
              {c.notes ? `. ${c.notes}` : ''}
            </li>
          ))}
        </ul>
      )}
      {undelivered && <ReplaceAddress applicationId={applicationId} reference={reference} onReplaced={onReplaced} />}
      {reference.standing === 'current' && (
        <Form className="form" {...form.formProps} aria-label={`Vetting call to ${reference.raterName}`}>
          <SelectField
            label={`Vetting call to ${reference.raterName}`}
            name="outcome"
            items={OUTCOMES}
            selectedKey={outcome}
            onSelectionChange={(k) => setOutcome(k as string)}
            isRequired
            placeholder="How did the call go?"
          />
          <TextField label="Notes on the call" name="notes" multiline maxLength={4000} />
          <FormError problem={form.problem} />
          <Button type="submit" variant="secondary" isPending={form.pending}>
            Record the call
          </Button>
        </Form>
      )}
    </li>
  );
}

/** The rater's email did not arrive: staff give the address they checked (or another rater for the role), and the request goes out again. */
function ReplaceAddress({ applicationId, reference, onReplaced }: { applicationId: string; reference: Reference; onReplaced: (email: string) => void }) {
  const queryClient = useQueryClient();
  const form = useSubmit(async (fields) => {
    await call(
      api.PUT('/api/v1/staff/applications/{id}/references/{referenceId}/email', {
        params: { path: { id: applicationId, referenceId: reference.id } },
        body: { email: fields.email ?? '', ...(fields.raterName ? { raterName: fields.raterName } : {}) },
      }),
    );
    onReplaced(fields.email ?? '');
    await queryClient.invalidateQueries({ queryKey: staffApplicationKey(applicationId) });
  });
  return (
    <Form className="form rater-address" {...form.formProps} aria-label={`New address for ${reference.raterName}`}>
      <p className="text-danger">
        The email to {reference.raterName} was not delivered. Check the address with them or the applicant, then send the request again.
      </p>
      <TextField label={`New email address for ${reference.raterName}`} name="email" type="email" isRequired />
      <TextField label="Another rater’s full name (only if someone else takes this role)" name="raterName" />
      <FormError problem={form.problem} />
      <Button type="submit" variant="secondary" isDisabled={form.pending}>
        Send the request to this address
      </Button>
    </Form>
  );
}
