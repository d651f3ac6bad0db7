import { Link, Navigate } from 'react-router';
import { useSession } from '../api/session';
import { Page } from '../app/page';
import { dayInWords, momentDayInWords } from '../ui/dates-in-words';
import { QueryState } from '../ui/query-state';
import { NextStep } from './next-step';
import { stateInWords } from './state-in-words';
import { useMyApplications, useMyEndorsements } from './use-home';

const EDITABLE = new Set(['draft', 'deferred']);

/** A signed-in person's start: their endorsements and applications, where each stands and what comes next. */
export function HomePage() {
  const state = useSession();
  const isApplicant = state.status === 'signed-in' && state.account.roles.includes('applicant');
  // Staff who do not apply themselves start at the console.
  if (state.status === 'signed-in' && !isApplicant) return <Navigate to="/staff" replace />;
  return <ApplicantHome />;
}

function ApplicantHome() {
  const applications = useMyApplications();
  const endorsements = useMyEndorsements();
  return (
    <Page title="My applications">
      <p>
        <Link to="/apply" className="button button-primary">
          Start an application
        </Link>
      </p>
      <QueryState query={endorsements} loading="Loading your endorsements…">
        {({ endorsements: list }) =>
          list.length > 0 && (
            <section aria-labelledby="endorsements-heading">
              <h2 id="endorsements-heading">My endorsements</h2>
              <ul className="cards">
                {list.map((e) => (
                  <li key={e.applicationId} className="card">
                    <h3>
                      <Link to={`/applications/${e.applicationId}`}>{e.displayName}</Link>
                    </h3>
                    <p>
                      Endorsement number <strong>{e.number}</strong> · <span className="badge">{stateInWords(e.status)}</span>
                    </p>
                    {e.endorsedAt && <p>Endorsed on {momentDayInWords(e.endorsedAt)}.</p>}
                    {e.renewalDueOn && <p>Renew by {dayInWords(e.renewalDueOn)}.</p>}
                  </li>
                ))}
              </ul>
            </section>
          )
        }
      </QueryState>
      <QueryState query={applications} loading="Loading your applications…">
        {({ applications: list }) => (
          <section aria-labelledby="applications-heading">
            <h2 id="applications-heading">Applications</h2>
            {list.length === 0 ? (
              <p>You have no application yet. Start one when you are ready: you can save your work and come back to it.</p>
            ) : (
              <ul className="cards">
                {list.map((a) => (
                  <li key={a.id} className="card">
                    <h3>
                      <Link to={`/applications/${a.id}`}>{a.displayName}</Link>
                    </h3>
                    <p>
                      <span className="badge">{stateInWords(a.state)}</span> since {momentDayInWords(a.stateChangedAt)}
                      {a.endorsementNumber && <> · Endorsement number {a.endorsementNumber}</>}
                    </p>
                    {a.nextStep && <NextStep step={a.nextStep} />}
                    {EDITABLE.has(a.state) && (
                      <p>
                        <Link to={`/applications/${a.id}/edit`}>Continue your portfolio</Link>
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </QueryState>
    </Page>
  );
}
