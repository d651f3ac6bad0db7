import { Link, useParams } from 'react-router';
import { Page } from '../../app/page';
import { Button } from '../../ui/button';
import { momentInWords } from '../../ui/dates-in-words';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { QueryState } from '../../ui/query-state';
import { RadioGroupField } from '../../ui/radio-group-field';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { PortfolioView } from '../portfolio/portfolio-view';
import { words } from '../staff-words';
import { useReview, useVote, type Review, type VoteBody } from './use-reviews';

const RECOMMENDATIONS = [
  { id: 'endorse', label: 'Endorse' },
  { id: 'defer', label: 'Defer: the applicant amends the portfolio and it is reviewed again' },
  { id: 'deny', label: 'Deny' },
];
const CHECKLIST = [
  { id: 'met', label: 'Met' },
  { id: 'not_met', label: 'Not met' },
];

/** What the panel's votes led to, in words (the API's outcome is the event the votes fired). */
const OUTCOMES: Record<string, string> = {
  panel_endorse: 'Both reviewers recommend endorsement: the application is endorsed and the applicant is told by email.',
  panel_defer: 'Both reviewers recommend deferral: the applicant is asked by email to amend the portfolio, and it comes back for review.',
  panel_deny: 'Both reviewers recommend denial: the applicant is told by email.',
  panel_escalate: 'The two votes differ: the administrator sees both and decides. Nothing more is needed from you.',
};

/**
 * The page a reviewer's email links to: the portfolio and references read-only, the competency
 * checklist by domain, the recommendation and notes, and the vote; then what happens next.
 */
export function ReviewPage() {
  const { applicationId = '' } = useParams();
  const review = useReview(applicationId);
  return (
    <Page title="Review a portfolio" wide>
      {/* Also when the review is not theirs (any more): an old email's link after the panel changed. */}
      <p>
        <Link to="/reviews">All my reviews</Link>
      </p>
      <QueryState query={review}>{(data) => <ReviewBody review={data} />}</QueryState>
    </Page>
  );
}

function ReviewBody({ review }: { review: Review }) {
  const vote = useVote(review.applicationId);
  const submit = useSubmit(async (fields) => {
    const checklist = Object.fromEntries(review.competencyDomains.map((d) => [d.code, fields[`checklist.${d.code}`]])) as VoteBody['checklist'];
    const notes = fields.notes?.trim();
    await vote.mutateAsync({ checklist, recommendation: fields.recommendation as VoteBody['recommendation'], ...(notes ? { notes } : {}) });
  });
  const cast = vote.data;

  return (
    <>
      <p>
        <strong>{review.applicantName}</strong> applies for <strong>{review.category}</strong>
        {review.round > 1 ? ` (review round ${review.round})` : ''}.
      </p>

      <PortfolioView portfolio={review.portfolio} />

      <section aria-labelledby="references-heading">
        <h2 id="references-heading">References ({review.currentReferenceCount} counted)</h2>
        <ul>
          {review.references.map((r, i) => (
            <li key={i}>
              {r.raterName}, {words(r.role)}: {r.ratedAt ? `rated on ${momentInWords(r.ratedAt)}` : words(r.status)}
              {r.vetted ? ' · vetted by phone' : ''}
              {r.standing !== 'current' ? ` · ${r.standing}, not counted` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="vote-heading">
        <h2 id="vote-heading">Your vote</h2>
        {cast ? (
          <Notice tone="success">
            <p>Your vote is recorded.</p>
            <p>
              {cast.outcome
                ? (OUTCOMES[cast.outcome] ?? 'The panel has decided; the applicant is told by email.')
                : 'The application moves on when the second reviewer has voted. We email you if anything else is needed.'}
            </p>
          </Notice>
        ) : review.yourVote ? (
          <Notice tone="info">
            <p>
              You voted “{words(review.yourVote.recommendation)}” on {momentInWords(review.yourVote.votedAt)}.
            </p>
            <p>
              {review.state === 'panel_review'
                ? 'The application moves on when the second reviewer has voted.'
                : 'The panel has decided; nothing more is needed from you.'}
            </p>
          </Notice>
        ) : review.state !== 'panel_review' ? (
          <Notice tone="info">This application is no longer in panel review: there is nothing to vote on.</Notice>
        ) : (
          <Form className="form" {...submit.formProps}>
            <h3>Competency checklist</h3>
            <p className="muted">For each domain, is it met by the portfolio and the references?</p>
            {review.competencyDomains.map((d) => (
              <RadioGroupField key={d.code} name={`checklist.${d.code}`} label={d.label} options={CHECKLIST} orientation="horizontal" isRequired />
            ))}
            <RadioGroupField name="recommendation" label="Your recommendation" options={RECOMMENDATIONS} isRequired />
            <TextField name="notes" label="Notes for the panel (optional)" multiline maxLength={4000} />
            <FormError problem={submit.problem} />
            <Button type="submit" isPending={submit.pending}>
              Cast my vote
            </Button>
          </Form>
        )}
      </section>
    </>
  );
}
