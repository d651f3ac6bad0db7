/**
 * What every email template may show. Strings arrive localized and ready to print (dates already
 * formatted, e.g. "31 December 2026"): formatting is the caller's job, so templates stay pure.
 */
export interface EmailModel {
  association: { code: string; name: string; contactEmail?: string };
  recipient: { name: string };
  applicant: { name: string };
  /** The association's display name for the category, e.g. "Infant Family Practitioner" in WA. */
  categoryName: string;
  /**
   * Renewal emails: every endorsement the renewal cycle covers, in words, e.g. "Infant Family
   * Associate Endorsement" or "Infant Family Associate and Infant Mental Health Specialist Endorsements".
   */
  endorsements?: string;
  /** Where the recipient sees the application's status and next steps. */
  applicationUrl: string;
  /** Staff reason: what to amend for a deferral, why on hold, why denied. */
  reason?: string;
  /** The "by when" of the next step, when there is one. */
  dueDate?: string;
  endorsementNumber?: string;
  /** The public page where anyone (an employer) checks that the endorsement stands today. */
  verifyUrl?: string;
  /** E.g. "March 2027". */
  examWindow?: string;
  /**
   * A booked exam seat, for the candidate: the day, online or where, the code that stands for their
   * name on their answers, and each part in words ("60 multiple-choice questions in 90 minutes").
   */
  exam?: { date: string; online: boolean; place: string; candidateCode: string; part1: string; part2: string };
  /** The category's exam comes after the references (so no "all references are in" email: the approval to sit it is next). */
  examFollows?: boolean;
  /** The applicant chose to list the endorsement in the public registry. */
  registryListed?: boolean;
  raters?: { name: string; role: string }[];
  rater?: { name: string; role: string };
  /** The rater's secure link: only ever shown to that rater. */
  referenceUrl?: string;
  referenceExpires?: string;
  daysWaiting?: number;
  /** An account's single-use link (invitation, password reset): only ever shown to that account's owner. */
  accountUrl?: string;
  accountLinkExpires?: string;
  /** The roles a staff invitation offers, in words ("reviewer and exam reviewer"). */
  staffRoles?: string;
}

/** Fields a template may declare it cannot do without (the rest are always required). */
export type OptionalEmailField = {
  [K in keyof EmailModel]-?: undefined extends EmailModel[K] ? K : never;
}[keyof EmailModel];
