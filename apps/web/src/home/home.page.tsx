import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/api';
import { call } from '../api/call';
import { Page } from '../app/page';
import { QueryState } from '../ui/query-state';

/** A signed-in person's start: their applications and endorsements, each a link to its page. */
export function HomePage() {
  const applications = useQuery({ queryKey: ['applications'], queryFn: () => call(api.GET('/api/v1/applications')) });
  return (
    <Page title="My applications">
      <QueryState query={applications}>
        {({ applications: list }) =>
          list.length === 0 ? (
            <p>You have no application yet.</p>
          ) : (
            <ul className="cards">
              {list.map((a) => (
                <li key={a.id} className="card">
                  <Link to={`/applications/${a.id}`}>{a.displayName}</Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
