import type { Role } from './role.js';

// Side effects are plain data: the transition path writes one outbox row per effect, and the
// queue and mail layers type their jobs and templates against these lists.

export const EFFECT_TYPES = [
  'email.applicant',
  'email.staff',
  'references.request',
  'reminders.cancel',
  'endorsement.issue',
  'registry.remove',
  'renewal.schedule',
] as const;

export type EffectType = (typeof EFFECT_TYPES)[number];

export const APPLICANT_EMAIL_TEMPLATES = [
  'application_received',
  'references_requested',
  'references_complete',
  'exam_approved',
  'exam_passed',
  'exam_failed_retake',
  'exam_failed_denied',
  'endorsed',
  'deferred',
  'denied',
  'resubmission_received',
  'on_hold',
  'resumed',
  'withdrawn',
  'renewal_open',
  'renewed',
  'lapsed',
  'reinstatement_started',
  'exam_approval_expired',
] as const;

export const STAFF_EMAIL_TEMPLATES = ['panel_escalated'] as const;

export const EMAIL_TEMPLATES = [...APPLICANT_EMAIL_TEMPLATES, ...STAFF_EMAIL_TEMPLATES] as const;

export type ApplicantEmailTemplate = (typeof APPLICANT_EMAIL_TEMPLATES)[number];
export type StaffEmailTemplate = (typeof STAFF_EMAIL_TEMPLATES)[number];
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export const REMINDER_SCOPES = ['references', 'renewal', 'all'] as const;

export type ReminderScope = (typeof REMINDER_SCOPES)[number];

export type StaffRole = Exclude<Role, 'applicant' | 'system'>;

// Keyed by EffectType so that adding a type to EFFECT_TYPES fails to compile until its fields are given here.
interface EffectFields {
  'email.applicant': { readonly template: ApplicantEmailTemplate };
  'email.staff': { readonly template: StaffEmailTemplate; readonly audience: StaffRole };
  'references.request': object;
  'reminders.cancel': { readonly scope: ReminderScope };
  'endorsement.issue': object;
  'registry.remove': object;
  'renewal.schedule': object;
}

export type Effect = { [T in EffectType]: { readonly type: T } & EffectFields[T] }[EffectType];

export type EffectOf<T extends EffectType> = Extract<Effect, { readonly type: T }>;
