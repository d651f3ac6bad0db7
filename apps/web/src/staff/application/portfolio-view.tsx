import type { StaffApplication } from './use-staff-application';
import { inWords } from '../staff-words';

const date = (iso?: string) => (iso ? inWords(iso) : 'not given');

/** The portfolio as the applicant sent it, read-only, section by section. */
export function PortfolioView({ application }: { application: StaffApplication }) {
  const { education = [], work = [], trainings = [], rsc = [], agreements, membership } = application.portfolio;
  const trainingHours = trainings.reduce((sum, t) => sum + t.hours, 0);
  const rscHours = rsc.reduce((sum, r) => sum + r.hours, 0);
  return (
    <section aria-labelledby="portfolio-heading">
      <h2 id="portfolio-heading">Portfolio</h2>
      <h3>Eligibility</h3>
      {application.eligibilityGaps.length === 0 ? (
        <p className="ok-line">Meets every requirement of the category.</p>
      ) : (
        <div className="notice notice-warning">
          <p>Not met yet:</p>
          <ul>
            {application.eligibilityGaps.map((gap) => (
              <li key={gap.code + gap.message}>{gap.message}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>Education</h3>
      {education.length === 0 ? <p className="muted">None entered.</p> : (
        <ul>
          {education.map((e, i) => (
            <li key={i}>
              {e.level.replaceAll('_', ' ')}
              {e.field ? ` in ${e.field}` : ''}
              {e.institution ? `, ${e.institution}` : ''} ({date(e.completedOn)})
            </li>
          ))}
        </ul>
      )}
      <h3>Work</h3>
      {work.length === 0 ? <p className="muted">None entered.</p> : (
        <ul>
          {work.map((w, i) => (
            <li key={i}>
              {w.role} at {w.employer}, {date(w.startedOn)} to {w.endedOn ? date(w.endedOn) : 'now'}
              {w.paid ? ', paid' : ', unpaid'}
              {w.infantFamilyWork ? ', with infants and families' : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Training</h3>
      <p>
        {trainings.length} {trainings.length === 1 ? 'entry' : 'entries'}, {trainingHours} hours in all.
      </p>
      {trainings.length > 0 && (
        <ul>
          {trainings.map((t, i) => (
            <li key={i}>
              {t.title} ({t.hours} hours, {date(t.date)})
            </li>
          ))}
        </ul>
      )}
      <h3>Reflective supervision/consultation</h3>
      <p>{rscHours} hours.</p>
      {rsc.length > 0 && (
        <ul>
          {rsc.map((r, i) => (
            <li key={i}>
              {r.provider}: {r.hours} hours, {date(r.startedOn)} to {date(r.endedOn)}
            </li>
          ))}
        </ul>
      )}
      <h3>Agreements and membership</h3>
      <ul>
        <li>Code of Ethics: {agreements?.codeOfEthicsSignedAt ? `signed ${inWords(agreements.codeOfEthicsSignedAt)}` : 'not signed'}</li>
        <li>Endorsement Agreement: {agreements?.endorsementAgreementSignedAt ? `signed ${inWords(agreements.endorsementAgreementSignedAt)}` : 'not signed'}</li>
        <li>Membership: {membership ? `${membership.association ?? ''} ${membership.memberId ?? ''}, valid until ${date(membership.validUntil)}` : 'not given'}</li>
      </ul>
    </section>
  );
}
