import { useState } from 'react';
import type { components } from '#api-client';
import { Page } from '../../app/page';
import { Button } from '../../ui/button';
import { dayInWords, momentDayInWords, momentInWords } from '../../ui/dates-in-words';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { QueryState } from '../../ui/query-state';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { QueueLinks } from '../queues/queue-links';
import { words } from '../staff-words';
import { useLapsed, useOutlook, usePendingCeEntries, useReviewCeEntry } from './use-continuing-education';

type Entry = components['schemas']['CeEntryForReview'];
type Counts = components['schemas']['OutlookCounts'];

/** The outlook's kinds of email, in words. */
const KINDS: Record<keyof Counts, string> = {
  open_renewal: 'Renewals opening',
  renewal_reminder: 'Renewal reminders',
  renewal_late_notice: 'Late-renewal notices',
  lapse: 'Endorsements lapsing',
  reference_reminder: 'Reminders to reference raters',
  reference_overdue: 'Overdue-reference notices',
};
const SPANS = [7, 30, 90].map((days) => ({ id: String(days), label: `The next ${days} days` }));

/** Continuing-education entries to approve; renewals ahead; endorsements that lapsed. */
export function ContinuingEducationPage() {
  const entries = usePendingCeEntries();
  return (
    <Page title="Continuing education and renewals" wide>
      <h2>Hours to approve</h2>
      <QueryState query={entries}>
        {({ entries: list }) =>
          list.length === 0 ? (
            <p>No entry is waiting for approval.</p>
          ) : (
            <ul className="cards">
              {list.map((entry) => (
                <CeEntryCard key={entry.id} entry={entry} />
              ))}
            </ul>
          )
        }
      </QueryState>
      <Outlook />
      <Lapsed />
    </Page>
  );
}

function CeEntryCard({ entry }: { entry: Entry }) {
  const review = useReviewCeEntry(entry.id);
  const [rejecting, setRejecting] = useState(false);
  const submit = useSubmit(async (fields) => {
    await review.mutateAsync({ approve: false, reason: fields.reason });
  });
  const approve = useSubmit(async () => {
    await review.mutateAsync({ approve: true });
  });
  const what = `${entry.fullName}: ${entry.title}`;
  return (
    <li className="card">
      <h3>{what}</h3>
      <p>
        {entry.kind === 'rsc' ? 'Reflective supervision/consultation' : 'Training'} with {entry.provider}, {dayInWords(entry.completedOn)}: {entry.hours} hours
        {entry.dei ? ' · diversity, equity and inclusion' : ''}
        {entry.aboutRsc ? ' · about reflective supervision' : ''}
      </p>
      {entry.competencyAreas.length > 0 && <p className="muted">Covers {entry.competencyAreas.map(words).join(', ')}</p>}
      <p className="muted">Logged on {momentInWords(entry.createdAt)}</p>
      {rejecting ? (
        <Form className="form" {...submit.formProps}>
          <TextField name="reason" label={`Why these hours do not count (${entry.fullName} reads this)`} multiline isRequired maxLength={2000} />
          <FormError problem={submit.problem} />
          <div className="actions">
            <Button type="submit" variant="danger" isPending={submit.pending}>
              Reject these hours
            </Button>
            <Button variant="secondary" onPress={() => setRejecting(false)}>
              Cancel
            </Button>
          </div>
        </Form>
      ) : (
        <Form {...approve.formProps}>
          <FormError problem={approve.problem} />
          <div className="actions">
            <Button type="submit" isPending={approve.pending} aria-label={`Approve ${what}`}>
              Approve
            </Button>
            <Button variant="secondary" onPress={() => setRejecting(true)} aria-label={`Reject ${what}`}>
              Reject
            </Button>
          </div>
        </Form>
      )}
    </li>
  );
}

function Outlook() {
  const [days, setDays] = useState(30);
  const outlook = useOutlook(days);
  return (
    <section aria-labelledby="outlook-heading">
      <h2 id="outlook-heading">Renewal outlook</h2>
      <p>The emails that go out by themselves in the days ahead. Anything overdue goes out today.</p>
      <SelectField label="Show" items={SPANS} selectedKey={String(days)} onSelectionChange={(key) => setDays(Number(key))} />
      <QueryState query={outlook}>
        {(associations) => (
          <>
            {associations.map((a) => (
              <div key={a.association} className="table-scroll" tabIndex={0}>
                <table>
                  <caption>
                    {a.association}: until {dayInWords(a.until)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">What goes out</th>
                      <th scope="col">How many</th>
                      <th scope="col">First on</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(Object.keys(KINDS) as (keyof Counts)[]).map((kind) => {
                      const first = a.days.find((d) => d.counts[kind] > 0);
                      return (
                        <tr key={kind}>
                          <th scope="row">{KINDS[kind]}</th>
                          <td>{a.totals[kind]}</td>
                          <td>{first ? dayInWords(first.date) : '–'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ))}
          </>
        )}
      </QueryState>
    </section>
  );
}

function Lapsed() {
  const lapsed = useLapsed();
  return (
    <section aria-labelledby="lapsed-heading">
      <h2 id="lapsed-heading">Lapsed endorsements</h2>
      <QueryState query={lapsed}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <p>No endorsement has lapsed.</p>
          ) : (
            <>
              <p>These endorsements were not renewed in time and are off the registry. The person can apply for reinstatement.</p>
              <QueueLinks items={items} since={(at) => `lapsed on ${momentDayInWords(at)}`} />
              {nextCursor && <Notice tone="info">Only the first {items.length} are listed here.</Notice>}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
