import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, NavLink, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/api';
import { call } from '../../api/call';
import { ApiProblem } from '../../api/problem';
import { messageFor } from '../../api/problem-messages';
import { useSession } from '../../api/session';
import { Page } from '../../app/page';
import { Button } from '../../ui/button';
import { Form } from '../../ui/form';
import { Notice } from '../../ui/notice';
import { QueryState } from '../../ui/query-state';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { STATE_NAMES, waitingFor } from '../staff-words';
import { useColleagues, useQueue, useQueueCounts, type QueueFilters } from './use-queue';
import { formText } from '../../ui/form-text.js';

const ASSIGNEE_CHOICES = [
  { id: 'any', label: 'Anyone or nobody' },
  { id: 'me', label: 'Me' },
  { id: 'none', label: 'Nobody yet' },
];

/** The review queues: how many wait in each state, and one queue, longest waiting first, to claim and hand out. */
export function QueuesPage() {
  const { state } = useParams();
  const [params, setParams] = useSearchParams();
  const filters: QueueFilters = {
    state,
    category: params.get('category') ?? undefined,
    assignee: params.get('assignee') ?? undefined,
    waitingDaysMin: params.has('waitingDaysMin') ? Number(params.get('waitingDaysMin')) : undefined,
    failedEmail: params.get('failedEmail') === 'true',
  };
  const title = state && state in STATE_NAMES ? `Queue: ${STATE_NAMES[state as keyof typeof STATE_NAMES]}` : 'Queues';

  function applyFilters(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const category = formText(fields, 'category').trim();
    if (category) next.set('category', category.toUpperCase());
    const assignee = formText(fields, 'assignee') || 'any';
    if (assignee !== 'any') next.set('assignee', assignee);
    const days = formText(fields, 'waitingDaysMin').trim();
    if (days) next.set('waitingDaysMin', days);
    if (fields.get('failedEmail')) next.set('failedEmail', 'true');
    setParams(next);
  }

  return (
    <Page title={title} wide>
      <QueueCounts />
      <Form className="form queue-filters" onSubmit={applyFilters} aria-label="Filters" key={params.toString()}>
        <TextField label="Category" name="category" defaultValue={filters.category ?? ''} description="Its short code, e.g. IFA or IMHS." />
        <SelectField label="Assigned to" name="assignee" items={ASSIGNEE_CHOICES} defaultSelectedKey={filters.assignee ?? 'any'} />
        <TextField
          label="Waiting at least (days)"
          name="waitingDaysMin"
          type="number"
          inputMode="numeric"
          defaultValue={filters.waitingDaysMin?.toString() ?? ''}
        />
        <label className="native-checkbox">
          <input type="checkbox" name="failedEmail" defaultChecked={filters.failedEmail} /> Only with an email that was not delivered
        </label>
        <div className="actions">
          <Button type="submit">Show</Button>
          <Button variant="secondary" onPress={() => setParams(new URLSearchParams())}>
            Clear filters
          </Button>
        </div>
      </Form>
      <QueueList filters={filters} />
    </Page>
  );
}

function QueueCounts() {
  const counts = useQueueCounts();
  return (
    <nav aria-label="Queues by state">
      <QueryState query={counts}>
        {({ queues }) => (
          <ul className="queue-counts">
            <li>
              <NavLink to="/staff/queues" end>
                All
              </NavLink>
            </li>
            {queues
              .filter((q) => q.state !== 'draft')
              .map((q) => (
                <li key={q.state}>
                  <NavLink to={`/staff/queues/${q.state}`}>
                    {STATE_NAMES[q.state]} <span className="badge">{q.count}</span>
                  </NavLink>
                </li>
              ))}
          </ul>
        )}
      </QueryState>
    </nav>
  );
}

interface Outcome {
  done: number;
  failed: { name: string; message: string }[];
  verb: string;
}

function QueueList({ filters }: { filters: QueueFilters }) {
  const queue = useQueue(filters);
  const queryClient = useQueryClient();
  const session = useSession();
  const coordinators = useColleagues('coordinator');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignTo, setAssignTo] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const myId = session.status === 'signed-in' ? session.account.id : undefined;

  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const names = new Map(items.map((i) => [i.id, i.applicantName]));

  function toggle(id: string, on: boolean): void {
    setSelected((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  /** One request per application, so one refused (someone else took it) does not stop the others. */
  async function forEachSelected(verb: string, act: (id: string) => Promise<unknown>): Promise<void> {
    setWorking(true);
    const result: Outcome = { done: 0, failed: [], verb };
    for (const id of selected) {
      try {
        await act(id);
        result.done += 1;
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        result.failed.push({ name: names.get(id) ?? id, message: messageFor(error) });
      }
    }
    setOutcome(result);
    setSelected(new Set());
    setWorking(false);
    await queryClient.invalidateQueries({ queryKey: ['staff'] });
  }

  const claim = () => forEachSelected('claimed', (id) => call(api.POST('/api/v1/staff/applications/{id}/claim', { params: { path: { id } } })));
  const assign = () =>
    forEachSelected('assigned', (id) =>
      call(api.POST('/api/v1/staff/applications/{id}/assign', { params: { path: { id } }, body: { accountId: assignTo === 'nobody' ? null : assignTo } })),
    );
  const assignees = [
    { id: 'nobody', label: 'Nobody (give it back)' },
    ...(coordinators.data?.colleagues.map((c) => ({ id: c.id, label: c.id === myId ? `${c.name} (me)` : c.name })) ?? []),
  ];

  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">Applications, longest waiting first</h2>
      <div role="status" aria-live="polite">
        {outcome && (
          <Notice tone={outcome.failed.length ? 'warning' : 'success'}>
            <p>
              {outcome.done} {outcome.done === 1 ? 'application' : 'applications'} {outcome.verb}.
            </p>
            {outcome.failed.length > 0 && (
              <ul>
                {outcome.failed.map((f) => (
                  <li key={f.name}>
                    {f.name}: {f.message}
                  </li>
                ))}
              </ul>
            )}
          </Notice>
        )}
      </div>
      <div className="queue-actions" role="group" aria-label="With the selected applications">
        <p className="muted">{selected.size === 0 ? 'Select applications to claim or assign them.' : `${selected.size} selected.`}</p>
        <Button onPress={() => void claim()} isDisabled={selected.size === 0 || working} isPending={working}>
          Claim selected
        </Button>
        <SelectField
          label="Assign to"
          items={assignees}
          selectedKey={assignTo}
          onSelectionChange={(key) => setAssignTo(key as string)}
          placeholder="Choose a person"
        />
        <Button variant="secondary" onPress={() => void assign()} isDisabled={selected.size === 0 || assignTo === null || working}>
          Assign selected
        </Button>
      </div>
      <QueryState query={queue}>
        {() =>
          items.length === 0 ? (
            <p>No application matches.</p>
          ) : (
            <>
              <ul className="queue-list">
                {items.map((item) => (
                  <li key={item.id} className="queue-item">
                    <input
                      type="checkbox"
                      id={`select-${item.id}`}
                      checked={selected.has(item.id)}
                      onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                      aria-label={`Select ${item.applicantName}`}
                    />
                    <div>
                      <Link to={`/staff/applications/${item.id}`}>{item.applicantName}</Link>
                      <span className="muted"> · {item.categoryName}</span>
                      <div className="queue-facts">
                        <span className="badge">{STATE_NAMES[item.state]}</span> <strong>{waitingFor(item.waitingSince)}</strong>
                        {' · '}
                        {item.assignee ? `with ${item.assignee.name}` : 'nobody has it'}
                        {item.failedEmail && <span className="badge badge-danger">Email not delivered</span>}
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
              <p className="muted" role="status">
                {items.length} shown{queue.hasNextPage ? ', more waiting' : ''}.
              </p>
              {queue.hasNextPage && (
                <Button variant="secondary" onPress={() => void queue.fetchNextPage()} isDisabled={queue.isFetchingNextPage}>
                  Show more
                </Button>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
