import { Link } from 'react-router';
import { useSession } from '../../api/session';
import { Page } from '../../app/page';

interface Entry {
  to: string;
  label: string;
  about: string;
}

/** What this person's roles let them open in the console, and nothing else. */
export function StaffHomePage() {
  const state = useSession();
  const roles = state.status === 'signed-in' ? state.account.roles : [];
  const has = (role: (typeof roles)[number]) => roles.includes(role);
  const entries: Entry[] = [];
  if (has('coordinator') || has('administrator'))
    entries.push({ to: '/staff/queues', label: 'Queues', about: 'Applications waiting for staff, longest waiting first. Claim them and move them on.' });
  if (has('reviewer')) entries.push({ to: '/reviews', label: 'My reviews', about: 'Portfolios you sit on the panel for.' });
  if (has('exam_reviewer')) entries.push({ to: '/staff/exam/papers', label: 'Exam papers', about: 'Score exam papers by candidate code.' });
  if (has('coordinator') || has('administrator'))
    entries.push({ to: '/staff/exam', label: 'Exam sittings', about: 'Offer sittings, see who is booked, and approve applicants to sit.' });
  if (has('coordinator') || has('administrator'))
    entries.push({ to: '/staff/continuing-education', label: 'Continuing education', about: 'Training hours sent for approval, and renewals coming up.' });
  if (has('administrator'))
    entries.push({ to: '/staff/admin', label: 'Administration', about: 'Staff and roles, the association’s rules, emails that were not delivered.' });
  return (
    <Page title="Staff console">
      {entries.length === 0 ? (
        <p>Your account has no staff role. If you think it should, contact your association.</p>
      ) : (
        <ul className="cards">
          {entries.map((entry) => (
            <li key={entry.to} className="card">
              <Link to={entry.to}>{entry.label}</Link>
              <p className="muted">{entry.about}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
