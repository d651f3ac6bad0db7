import { Link } from 'react-router';
import type { components } from '#api-client';

type QueueItem = components['schemas']['StaffQueueItem'];

/** Queue items as a plain list: each applicant and category linking to the application, and since when it waits. */
export function QueueLinks({ items, since }: { items: QueueItem[]; since: (waitingSince: string) => string }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          <Link to={`/staff/applications/${item.id}`}>
            {item.applicantName}, {item.categoryName}
          </Link>{' '}
          <span className="muted">{since(item.waitingSince)}</span>
        </li>
      ))}
    </ul>
  );
}
