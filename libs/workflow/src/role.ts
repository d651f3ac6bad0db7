/** `system` is the worker: sweeps, automatic follow-ups, consensus of two reviewers. */
export const ROLES = ['applicant', 'coordinator', 'reviewer', 'exam_reviewer', 'administrator', 'system'] as const;

export type Role = (typeof ROLES)[number];
