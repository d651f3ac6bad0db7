import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryStatus } from '#mail';
import { findOwnApplication } from './own-application.js';

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

interface DeliveryRow {
  id: string;
  template: string;
  recipient_kind: 'applicant' | 'rater';
  recipient_name: string;
  status: DeliveryStatus;
  smtp_response: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/**
 * The emails sent on an application's behalf (to the applicant and to their raters) and whether
 * they arrived. Staff notices stay out; so do server answers, which may name other people's mailboxes.
 */
@Injectable()
export class ListApplicationEmails {
  constructor(private readonly dataSource: DataSource) {}

  async execute(personId: string, applicationId: string): Promise<{ emails: EmailStatusView[] }> {
    const app = await findOwnApplication(this.dataSource, personId, applicationId);
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `SELECT id, template, recipient_kind, recipient_name, status, smtp_response, created_at, sent_at
         FROM email_deliveries WHERE application_id = $1 AND recipient_kind IN ('applicant', 'rater') ORDER BY created_at, id`,
      [app.id],
    );
    return { emails: rows.map(toView) };
  }
}

function toView(row: DeliveryRow): EmailStatusView {
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

function outcome(row: DeliveryRow): string {
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
