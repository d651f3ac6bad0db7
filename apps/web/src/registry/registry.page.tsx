import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../api/api';
import { call } from '../api/call';
import { Page } from '../app/page';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { QueryState } from '../ui/query-state';
import { TextField } from '../ui/text-field';
import { formText } from '../ui/form-text.js';

const STATUS_IN_WORDS = { endorsed: 'Current', renewal_due: 'Current (renewal open)' } as const;

/** The public registry: anyone can check an endorsement by name or number, without signing in. */
export function RegistryPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const results = useInfiniteQuery({
    queryKey: ['registry', q],
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/registry', { params: { query: { ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <Page title="Endorsement registry">
      <p>
        Check whether someone holds an Endorsement for Culturally Sensitive, Relationship-Focused Practice Promoting Infant & Early Childhood Mental Health®.
        Only endorsees who chose to be listed appear.
      </p>
      <Form
        role="search"
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          const value = formText(new FormData(event.currentTarget), 'q').trim();
          setParams(value ? { q: value } : {});
        }}
      >
        <TextField label="Name or endorsement number" name="q" defaultValue={q} type="search" maxLength={100} />
        <Button type="submit">Search</Button>
      </Form>
      <QueryState query={results} loading="Searching…">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return (
            <section aria-labelledby="results-heading" className="section">
              <h2 id="results-heading" aria-live="polite">
                {items.length === 0 ? 'No one found' : q ? `Endorsees matching “${q}”` : 'Endorsees'}
              </h2>
              {items.length === 0 && <p>Check the spelling, or search by endorsement number. Some endorsees choose not to be listed.</p>}
              <ul className="cards">
                {items.map((e) => (
                  <li key={e.endorsementNumber} className="card">
                    <p className="card-title">{e.name}</p>
                    <p>{e.categoryName}</p>
                    <p className="muted">
                      {e.association.name} · number {e.endorsementNumber} · {STATUS_IN_WORDS[e.status]}
                    </p>
                  </li>
                ))}
              </ul>
              {results.hasNextPage && (
                <Button variant="secondary" onPress={() => void results.fetchNextPage()} isPending={results.isFetchingNextPage}>
                  Show more
                </Button>
              )}
            </section>
          );
        }}
      </QueryState>
    </Page>
  );
}
