import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api';
import { call } from '../../api/call';
import { Button } from '../../ui/button';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { inWords, inWordsWithTime, words } from '../staff-words';
import { staffApplicationKey, type StaffApplication } from './use-staff-application';

type Reference = StaffApplication['references'][number];

const OUTCOMES = [
  { id: 'vetted', label: 'Reached: the rater is vetted' },
  { id: 'not_vetted', label: 'Reached: could not vet the rater' },
  { id: 'unreachable', label: 'Could not reach the rater' },
];
const OUTCOME_WORDS: Record<string, string> = { vetted: 'vetted', not_vetted: 'not vetted', unreachable: 'not reached' };
const STANDING_WORDS: Record<Reference['standing'], string> = { current: 'counts', replaced: 'replaced', revoked: 'no longer counts' };

/** The references with where each stands, and the vetting call to record for a rater. */
export function ReferencesSection({ application }: { application: StaffApplication }) {
  return (
    <section aria-labelledby="references-heading">
      <h2 id="references-heading">References</h2>
      <p>
        {application.currentReferenceCount} {application.currentReferenceCount === 1 ? 'reference counts' : 'references count'}.
      </p>
      {application.references.length === 0 ? (
        <p className="muted">No reference named yet.</p>
      ) : (
        <ul className="cards">
          {application.references.map((ref) => (
            <ReferenceCard key={ref.id} applicationId={application.id} reference={ref} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReferenceCard({ applicationId, reference }: { applicationId: string; reference: Reference }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  const form = useSubmit(async (fields, element) => {
    await call(
      api.POST('/api/v1/staff/applications/{id}/references/{referenceId}/vetting-call', {
        params: { path: { id: applicationId, referenceId: reference.id } },
        body: { calledAt: new Date().toISOString(), outcome: (outcome ?? 'unreachable') as 'vetted', notes: fields.notes ?? '' },
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
        {reference.ratedAt && ` · rated ${inWords(reference.ratedAt)}`}
        {reference.vettedAt ? ` · vetted ${inWords(reference.vettedAt)}` : ' · not vetted'}
      </p>
      {reference.vettingCalls.length > 0 && (
        <ul>
          {reference.vettingCalls.map((c) => (
            <li key={c.id}>
              Call on {inWordsWithTime(c.calledAt)}: {OUTCOME_WORDS[c.outcome] ?? c.outcome}
              {c.notes ? `. ${c.notes}` : ''}
            </li>
          ))}
        </ul>
      )}
      {reference.standing === 'current' && (
        <Form className="form" {...form.formProps} aria-label={`Vetting call to ${reference.raterName}`}>
          <SelectField label={`Vetting call to ${reference.raterName}`} items={OUTCOMES} selectedKey={outcome} onSelectionChange={(k) => setOutcome(k as string)} isRequired placeholder="How did the call go?" />
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
