import { useState } from 'react';
import type { components } from '#api-client';
import { ApiProblem } from '../api/problem';
import { Button } from '../ui/button';
import { momentDayInWords } from '../ui/dates-in-words';
import { Form } from '../ui/form';
import { FormError } from '../ui/form-error';
import { TextField } from '../ui/text-field';
import { applicationCalls, useApplicationChange } from './use-application';
import { codeInWords, REFERENCE_STATUS_IN_WORDS, REPLACEABLE_REFERENCE } from './plain-words';
import { formText } from '../ui/form-text.js';

type Reference = components['schemas']['ApplicantReference'];

/** The applicant's references, each with where it stands; one that cannot arrive gets a new address here. */
export function ReferencesSection({ applicationId, references }: { applicationId: string; references: Reference[] }) {
  // Said above the list: the replaced reference's card leaves it once the new request is shown.
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <section id="references" aria-labelledby="references-heading" className="section">
      <h2 id="references-heading">Your references</h2>
      <p role="status">{sentTo && `We sent the request to ${sentTo}.`}</p>
      {references.length === 0 ? (
        <p>No rater has been asked yet. Your raters get their request by email once the association has checked your application.</p>
      ) : (
        <ul className="cards">
          {references.map((r) => (
            <li key={r.id} className="card">
              <p className="card-title">
                {r.raterName} <span className="muted">({codeInWords(r.role)})</span>
              </p>
              <p>
                <span className={`status status-${r.status}`}>{REFERENCE_STATUS_IN_WORDS[r.status] ?? codeInWords(r.status)}</span>
              </p>
              <p className="muted">
                Sent to {r.raterEmail}
                {r.requestedAt && ` on ${momentDayInWords(r.requestedAt)}`}
                {r.ratedAt && `; rated on ${momentDayInWords(r.ratedAt)}`}
              </p>
              {REPLACEABLE_REFERENCE.has(r.status) && <NewAddressForm applicationId={applicationId} reference={r} onSent={setSentTo} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewAddressForm({ applicationId, reference, onSent }: { applicationId: string; reference: Reference; onSent: (email: string) => void }) {
  const stuck = reference.status !== 'requested';
  const [open, setOpen] = useState(stuck);
  // Told to the section as soon as the API accepts: this card leaves the list when it is read again.
  const change = useApplicationChange(applicationId, async (email: string) => {
    await applicationCalls.replaceRater(applicationId, reference.id, email);
    onSent(email);
  });
  const problem = change.error instanceof ApiProblem ? change.error : null;
  if (!open) {
    return (
      <Button variant="secondary" onPress={() => setOpen(true)}>
        Give another address for {reference.raterName}
      </Button>
    );
  }
  return (
    <Form
      className="inline-form"
      validationErrors={problem?.fieldErrors}
      onSubmit={(event) => {
        event.preventDefault();
        const email = formText(new FormData(event.currentTarget), 'email');
        change.mutate(email);
      }}
    >
      <TextField
        label={`Another email address for ${reference.raterName}`}
        name="email"
        type="email"
        autoComplete="off"
        isRequired
        description={
          stuck
            ? 'Work mail servers often refuse our email: a personal address (Gmail, Yahoo …) usually works.'
            : 'We send the request again to this address; the old link stops working.'
        }
      />
      <FormError problem={problem} />
      <Button type="submit" isPending={change.isPending}>
        Send the request to this address
      </Button>
    </Form>
  );
}
