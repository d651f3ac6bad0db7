import { Link } from 'react-router';
import { Page } from '../../app/page';
import { momentInWords } from '../../ui/dates-in-words';
import { QueryState } from '../../ui/query-state';
import { useMyReviews } from './use-reviews';

/** A reviewer's start: the portfolios waiting for their vote. */
export function MyReviewsPage() {
  const reviews = useMyReviews();
  return (
    <Page title="My reviews">
      <QueryState query={reviews}>
        {({ reviews: list }) =>
          list.length === 0 ? (
            <p>No portfolio is waiting for your review. We email you when one is assigned to you.</p>
          ) : (
            <ul className="cards">
              {list.map((r) => (
                <li key={r.applicationId} className="card">
                  <Link to={`/reviews/${r.applicationId}`}>
                    {r.applicantName}: {r.category}
                  </Link>
                  <p className="muted">
                    Assigned to you on {momentInWords(r.assignedAt)}
                    {r.round > 1 ? ` · review round ${r.round}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
