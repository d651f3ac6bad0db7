import type { OptionalEmailField } from './email-model.js';

/** Handlebars sources of one email; the shared layout wraps `html` and `text`. */
export interface EmailTemplate {
  /**
   * Who reads it; rater emails carry the rater's secure link, account emails (invitation, password
   * reset) the account's single-use link, no other email carries a link secret.
   */
  readonly audience: 'applicant' | 'rater' | 'staff' | 'account';
  /** Optional model fields this email cannot do without, checked before rendering. */
  readonly requires: readonly OptionalEmailField[];
  /** Plain text; the association code is prefixed by renderEmail. */
  readonly subject: string;
  /** Body fragment: bare <p>, <ul>, <li>, <h2>, <a href> get their inline styles from the layout. */
  readonly html: string;
  /** Body in plain text, links written out. */
  readonly text: string;
}
