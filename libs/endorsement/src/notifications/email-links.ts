import type { RecipientKind } from '#mail';

// Where in the applicant's pages each email's button lands: the part that email is about.
const APPLICANT_PARTS: Record<string, { page: 'application' | 'endorsement'; part?: string }> = {
  references_requested: { page: 'application', part: 'references' },
  reference_received: { page: 'application', part: 'references' },
  reference_overdue_applicant: { page: 'application', part: 'references' },
  rater_email_rejected: { page: 'application', part: 'references' },
  reference_not_counted: { page: 'application', part: 'references' },
  exam_approved: { page: 'application', part: 'exam' },
  exam_approval_reminder: { page: 'application', part: 'exam' },
  exam_registered: { page: 'application', part: 'exam' },
  exam_reminder: { page: 'application', part: 'exam' },
  exam_failed_retake: { page: 'application', part: 'exam' },
  deferred: { page: 'application', part: 'deferral' },
  endorsed: { page: 'endorsement' },
  renewed: { page: 'endorsement' },
  renewal_open: { page: 'endorsement', part: 'renewal' },
  renewal_reminder: { page: 'endorsement', part: 'renewal' },
  renewal_late_notice: { page: 'endorsement', part: 'renewal' },
  lapsed: { page: 'endorsement', part: 'reinstate' },
};

// The part of the staff console's application page a coordinator's or administrator's email is about.
const STAFF_PARTS: Record<string, string> = {
  reference_overdue_coordinator: 'references',
  panel_escalated: 'panel',
};

/**
 * The one place the addresses emails link to are written. Each is a page of the web app its
 * recipient's role may open: an applicant's own application, the staff console's view of it, a
 * reviewer's review. The JSON API is under /api/v1, so these paths are the pages', and the data each
 * page shows comes from the API route of the same path under /api/v1. The rater form (/r/{token})
 * is served by the api itself.
 */
export class EmailLinks {
  constructor(private readonly base: string) {}

  /** The portal's front page: for emails that point at no application (raters, accounts). */
  home(): string {
    return this.base;
  }

  /** The applicant's own application (applicant only). */
  applicantApplication(applicationId: string): string {
    return `${this.base}/applications/${applicationId}`;
  }

  /** The applicant's page for what an email is about: the part of the application, or the endorsement page. */
  applicantPage(template: string, applicationId: string): string {
    const target = APPLICANT_PARTS[template];
    const page = target?.page === 'endorsement' ? `${this.base}/endorsements/${applicationId}` : this.applicantApplication(applicationId);
    return target?.part ? `${page}#${target.part}` : page;
  }

  /** The application in the staff console (coordinators and administrators). */
  staffApplication(applicationId: string): string {
    return `${this.base}/staff/applications/${applicationId}`;
  }

  /** A reviewer's review of one application, and the list of their reviews. */
  review(applicationId: string): string {
    return `${this.base}/reviews/${applicationId}`;
  }

  reviews(): string {
    return `${this.base}/reviews`;
  }

  /** The public check of an endorsement number: a page for anyone, outside the versioned API. */
  verifyEndorsement(endorsementNumber: string): string {
    return `${this.base}/verify/${encodeURIComponent(endorsementNumber)}`;
  }

  /** A rater's form behind their secret link. */
  raterForm(token: string): string {
    return `${this.base}/r/${token}`;
  }

  /** An account page that reads its single-use token from the fragment, which browsers never send on. */
  accountPage(page: 'accept-invitation' | 'reset-password', token: string): string {
    return `${this.base}/${page}#token=${token}`;
  }

  /**
   * The page about an application that an email's recipient opens, by who they are: never the
   * applicant-only page for staff. A reviewer taken off a panel can no longer open that review, so
   * they get their list of reviews.
   */
  applicationPageFor(recipient: RecipientKind, template: string, applicationId: string): string {
    switch (recipient) {
      case 'applicant':
        return this.applicantPage(template, applicationId);
      case 'coordinator':
      case 'administrator':
        return STAFF_PARTS[template] ? `${this.staffApplication(applicationId)}#${STAFF_PARTS[template]}` : this.staffApplication(applicationId);
      case 'reviewer':
        return template === 'panel_released' ? this.reviews() : this.review(applicationId);
      case 'rater':
      case 'account':
        return this.home();
    }
  }
}
