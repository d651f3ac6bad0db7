import type { RecipientKind } from '#mail';

/**
 * The one place the addresses emails link to are written. Each is a page its recipient's role may
 * open: an applicant's own application, the staff console's view of it, a reviewer's review. Today they are the api's routes of those names; when the api moves under /api/v1 and a
 * web app serves these paths, the addresses in emails already sent keep working.
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
