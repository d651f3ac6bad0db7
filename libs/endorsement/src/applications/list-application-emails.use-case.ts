import { Injectable } from '@nestjs/common';
import { EmailDeliveriesRepository, type ApplicantDeliveryRow, type DeliveryStatus } from '#mail';
import { applicationNotFound } from './application-not-found.js';
import { ApplicationsRepository } from './applications.repository.js';

export interface EmailStatusView {
  id: string;
  template: string;
  to: 'you' | 'rater';
  /** The rater's name as the applicant entered it; absent for emails to the applicant. */
  raterName?: string;
  status: DeliveryStatus;
  /** The status in a sentence the applicant can act on. */
  summary: string;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * The emails sent on an application's behalf (to the applicant and to their raters) and whether
 * they arrived. Staff notices stay out; so do server answers, which may name other people's mailboxes.
 */
@Injectable()
export class ListApplicationEmails {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly deliveries: EmailDeliveriesRepository,
  ) {}

  async execute(personId: string, applicationId: string): Promise<{ emails: EmailStatusView[] }> {
    const app = await this.applications.findOwn(personId, applicationId);
    if (!app) throw applicationNotFound();
    const rows = await this.deliveries.listForApplicant(app.id);
    return { emails: rows.map(toView) };
  }
}

function toView(row: ApplicantDeliveryRow): EmailStatusView {
  const rater = row.recipient_kind === 'rater';
  const what = rater ? `The ${row.template === 'reference_reminder' ? 'reminder' : 'request'} to your rater ${row.recipient_name}` : 'Our email to you';
  return {
    id: row.id,
    template: row.template,
    to: rater ? 'rater' : 'you',
    ...(rater ? { raterName: row.recipient_name } : {}),
    status: row.status,
    summary: `${what} ${outcome(row)}.`,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function outcome(row: ApplicantDeliveryRow): string {
  const whose = row.recipient_kind === 'rater' ? 'their' : 'your';
  switch (row.status) {
    case 'sent':
      return `was delivered to ${whose} mail server`;
    case 'failed':
      // A 5xx answer is the receiving server refusing the message; anything else we could not hand over.
      return /\b5\d\d\b/.test(row.smtp_response ?? '') ? `was rejected by ${whose} mail server` : 'could not be delivered';
    case 'bounced':
      return `was accepted, then returned by ${whose} mail server (or reported as unwanted)`;
    case 'suppressed':
      return `was not sent, because earlier mail to that address bounced or was reported as unwanted`;
    default:
      return 'is on its way';
  }
}
