import type { Effect, EffectType } from '#workflow';
import { applicantEmail } from './applicant-email.effect.js';
import { cancelReminders } from './cancel-reminders.effect.js';
import type { EffectHandler } from './effect-context.js';
import { issueEndorsement } from './issue-endorsement.effect.js';
import { removeFromRegistry } from './remove-from-registry.effect.js';
import { requestReferences } from './request-references.effect.js';
import { scheduleRenewal } from './schedule-renewal.effect.js';
import { staffEmail } from './staff-email.effect.js';

/** One handler per effect type; the type makes a new effect without a handler a compile error. */
export const EFFECT_HANDLERS: { [T in EffectType]: EffectHandler<Extract<Effect, { type: T }>> } = {
  'email.applicant': applicantEmail,
  'email.staff': staffEmail,
  'references.request': requestReferences,
  'reminders.cancel': cancelReminders,
  'endorsement.issue': issueEndorsement,
  'registry.remove': removeFromRegistry,
  'renewal.schedule': scheduleRenewal,
};
