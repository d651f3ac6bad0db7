import { useState } from 'react';
import type { components } from '#api-client';
import { ApiProblem } from '../api/problem';
import { Button } from '../ui/button';
import { CheckboxField } from '../ui/checkbox-field';
import { dayInWords } from '../ui/dates-in-words';
import { Form } from '../ui/form';
import { FormError } from '../ui/form-error';
import { RadioGroupField } from '../ui/radio-group-field';
import { TextField } from '../ui/text-field';
import { endorsementCalls, useEndorsementChange } from './use-endorsement';
import { formText } from '../ui/form-text.js';

type CeLog = components['schemas']['CeLog'];

const STATUS_IN_WORDS = { pending: 'Waiting for the association’s approval', approved: 'Approved: counts toward renewal', rejected: 'Not approved' } as const;

function hours(n: number): string {
  return `${n} ${n === 1 ? 'hour' : 'hours'}`;
}

/** The continuing-education log: progress toward this cycle's requirement, the entries, and a form to add one. */
export function CeSection({ log }: { log: CeLog }) {
  const { progress, entries } = log;
  return (
    <section id="continuing-education" aria-labelledby="ce-heading" className="section">
      <h2 id="ce-heading">Continuing education</h2>
      {progress &&
        (progress.exempt ? (
          <p>
            No hours are needed for the cycle that ends on {dayInWords(progress.dueOn)}
            {progress.firstCycle ? ': it is your first year after endorsement.' : '.'}
          </p>
        ) : (
          <>
            <p>For the cycle that ends on {dayInWords(progress.dueOn)}, approved hours count as follows:</p>
            <ul className="progress-list">
              {progress.measures.map((m) => (
                <li key={m.code} className={m.met ? 'met' : 'unmet'}>
                  <span aria-hidden="true">{m.met ? '✓' : '•'}</span> {m.what}: {hours(m.recorded)} of {hours(m.required)}
                  {m.met ? ' (done)' : ` (${hours(Math.max(0, +(m.required - m.recorded).toFixed(2)))} to go)`}
                </li>
              ))}
            </ul>
          </>
        ))}
      <h3>Your entries</h3>
      {entries.length === 0 ? (
        <p>You have not logged any hours yet.</p>
      ) : (
        <ul className="cards">
          {entries.map((e) => (
            <li key={e.id} className="card">
              <p className="card-title">
                {e.title} <span className="muted">({e.provider})</span>
              </p>
              <p>
                {hours(e.hours)} of {e.kind === 'rsc' ? 'reflective supervision' : 'training'}
                {e.dei && ', on diversity, equity and inclusion'}
                {e.aboutRsc && ', about reflective supervision'}, on {dayInWords(e.completedOn)}
              </p>
              <p>
                <span className={`status status-${e.status}`}>{STATUS_IN_WORDS[e.status]}</span>
                {e.reviewNote && <span>: {e.reviewNote}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <AddEntry />
    </section>
  );
}

function AddEntry() {
  const [kind, setKind] = useState<'training' | 'rsc'>('training');
  const [added, setAdded] = useState(false);
  const add = useEndorsementChange(endorsementCalls.logHours);
  const problem = add.error instanceof ApiProblem ? add.error : null;
  return (
    <Form
      className="section-form"
      validationErrors={problem?.fieldErrors}
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const f = new FormData(form);
        setAdded(false);
        add.mutate(
          {
            kind,
            title: formText(f, 'title'),
            provider: formText(f, 'provider'),
            completedOn: formText(f, 'completedOn'),
            hours: Number(f.get('hours')),
            dei: f.get('dei') === 'on',
            aboutRsc: f.get('aboutRsc') === 'on',
          },
          {
            onSuccess: () => {
              form.reset();
              setAdded(true);
            },
          },
        );
      }}
    >
      <h3>Log hours</h3>
      <RadioGroupField
        label="What kind of hours?"
        value={kind}
        onChange={(v) => setKind(v as 'training' | 'rsc')}
        options={[
          { id: 'training', label: 'Training (relationship-based)' },
          { id: 'rsc', label: 'Reflective supervision or consultation (RSC)' },
        ]}
      />
      <TextField label="Title" name="title" isRequired maxLength={300} description="The name of the training or the supervision." />
      <TextField label="Given by" name="provider" isRequired maxLength={200} description="The trainer, organisation or supervisor." />
      <TextField label="Date completed" name="completedOn" type="date" isRequired />
      <TextField label="Hours" name="hours" inputMode="decimal" description="For example 1.5" isRequired />
      <CheckboxField name="dei">It was about diversity, equity and inclusion</CheckboxField>
      <CheckboxField name="aboutRsc">It was about giving reflective supervision</CheckboxField>
      <FormError problem={problem} />
      {added && <p role="status">Logged. The association will approve it; approved hours count toward your renewal.</p>}
      <Button type="submit" isPending={add.isPending}>
        Log these hours
      </Button>
    </Form>
  );
}
