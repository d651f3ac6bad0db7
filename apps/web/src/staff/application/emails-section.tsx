import { momentInWords } from '../../ui/dates-in-words';
import { words } from '../staff-words';
import type { StaffApplication } from './use-staff-application';

const UNDELIVERED = new Set(['failed', 'bounced']);

/** Every email sent about the application and whether it arrived; those that did not stand out, with the server's answer. */
export function EmailsSection({ application }: { application: StaffApplication }) {
  const failed = application.deliveries.filter((d) => UNDELIVERED.has(d.status));
  return (
    <section aria-labelledby="emails-heading">
      <h2 id="emails-heading">Emails</h2>
      {failed.length > 0 && (
        <div className="notice notice-error">
          <p>
            {failed.length} {failed.length === 1 ? 'email was' : 'emails were'} not delivered. Check the address with the person (by phone). For a rater, give
            the new address on their reference above (or ask the applicant to): the request goes out again to the new address.
          </p>
        </div>
      )}
      {application.deliveries.length === 0 ? (
        <p className="muted">No email sent yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Emails about this application" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Emails about this application</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">To</th>
                <th scope="col">Delivery</th>
              </tr>
            </thead>
            <tbody>
              {application.deliveries.map((d) => (
                <tr key={d.id} className={UNDELIVERED.has(d.status) ? 'row-failed' : undefined}>
                  <td>
                    {words(d.template)}
                    <div className="muted">{momentInWords(d.createdAt)}</div>
                  </td>
                  <td>
                    {d.recipientName ?? d.recipientKind} <div className="muted">{d.recipientEmail}</div>
                  </td>
                  <td>
                    {UNDELIVERED.has(d.status) ? (
                      <strong className="text-danger">Not delivered</strong>
                    ) : d.sentAt ? (
                      `Sent ${momentInWords(d.sentAt)}`
                    ) : (
                      'Waiting to be sent'
                    )}
                    {(d.smtpResponse ?? d.lastError) && UNDELIVERED.has(d.status) && <div className="muted">{d.smtpResponse ?? d.lastError}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
