import type { RecipientKind } from '#mail';

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
        return this.applicantApplication(applicationId);
      case 'coordinator':
      case 'administrator':
        return this.staffApplication(applicationId);
      case 'reviewer':
        return template === 'panel_released' ? this.reviews() : this.review(applicationId);
      case 'rater':
      case 'account':
        return this.home();
    }
  }
}
