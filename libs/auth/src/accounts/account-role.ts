/** What an account may do; one account may hold several (a coordinator who also reviews). */
export const ACCOUNT_ROLES = ['applicant', 'coordinator', 'reviewer', 'exam_reviewer', 'administrator'] as const;

export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Roles an administrator invites staff into; administrators themselves are not invited by email. */
export const INVITABLE_STAFF_ROLES = ['coordinator', 'reviewer', 'exam_reviewer'] as const;

export type InvitableStaffRole = (typeof INVITABLE_STAFF_ROLES)[number];
