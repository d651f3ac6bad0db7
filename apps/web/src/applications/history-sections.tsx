import type { components } from '#api-client';
import { momentInWords } from '../ui/dates-in-words';
import { QueryState } from '../ui/query-state';
import { BY_IN_WORDS, EMAIL_STATUS_IN_WORDS, EVENT_IN_WORDS, codeInWords } from './plain-words';
import { useApplicationEmails, useTimeline } from './use-application';

type PendingStep = components['schemas']['PendingStep'];

/** What is still to happen, with the dates to plan by and who has yet to answer. */
export function NextStepsSection({ steps }: { steps: PendingStep[] }) {
  return (
    <section id="next" aria-labelledby="next-heading" className="section">
      <h2 id="next-heading">What happens next</h2>
      {steps.length === 0 ? (
        <p>Nothing is waiting on this application.</p>
      ) : (
        <ul className="steps">
          {steps.map((s, i) => (
            <li key={i}>
              <p>{s.description}</p>
              {s.step === 'reference' && (
                <p className="muted">
                  {s.status === 'bounced' ? `${s.raterName}'s email bounced: give another address under “Your references”.` : `Waiting for ${s.raterName}.`}
                  {s.nextReminderAt && ` We remind them on ${momentInWords(s.nextReminderAt)}.`}
                  {s.overdueAt && ` If they have not answered by ${momentInWords(s.overdueAt)}, the association is told.`}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What happened on the application, newest first, in plain words. */
export function TimelineSection({ applicationId }: { applicationId: string }) {
  const timeline = useTimeline(applicationId);
  return (
    <section id="timeline" aria-labelledby="timeline-heading" className="section">
      <h2 id="timeline-heading">What has happened</h2>
      <QueryState query={timeline} loading="Loading the history…">
        {({ events }) =>
          events.length === 0 ? (
            <p>Nothing has happened yet: the history starts when you submit.</p>
          ) : (
            <ol className="timeline" reversed>
              {[...events].reverse().map((e, i) => (
                <li key={i}>
                  <p>
                    <strong>{EVENT_IN_WORDS[e.event] ?? codeInWords(e.event)}</strong> <span className="muted">{BY_IN_WORDS[e.by]}</span>
                  </p>
                  <p className="muted">{momentInWords(e.at)}</p>
                  {e.reason && <p className="reason">“{e.reason}”</p>}
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

/** The emails sent for the application and whether they arrived, so lost mail is seen here. */
export function EmailsSection({ applicationId }: { applicationId: string }) {
  const emails = useApplicationEmails(applicationId);
  return (
    <section id="emails" aria-labelledby="emails-heading" className="section">
      <h2 id="emails-heading">Emails we sent</h2>
      <QueryState query={emails} loading="Loading the emails…">
        {({ emails: list }) =>
          list.length === 0 ? (
            <p>No email has been sent for this application yet.</p>
          ) : (
            <ul className="cards">
              {list.map((m) => (
                <li key={m.id} className="card">
                  <p className="card-title">
                    {m.to === 'you' ? 'To you' : `To ${m.raterName ?? 'your rater'}`}: {codeInWords(m.template)}
                  </p>
                  <p>
                    <span className={`status status-${m.status}`}>{EMAIL_STATUS_IN_WORDS[m.status]}</span>{' '}
                    <span className="muted">{momentInWords(m.sentAt ?? m.createdAt)}</span>
                  </p>
                  <p>{m.summary}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
