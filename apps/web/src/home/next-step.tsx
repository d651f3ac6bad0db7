import type { components } from '#api-client';
import { dayInWords, momentDayInWords } from '../ui/dates-in-words';

type PendingStep = components['schemas']['PendingStep'];

/** The date a person plans the step by, in words; none when the step has no date of its own. */
function stepDate(step: PendingStep): string | null {
  switch (step.step) {
    case 'reference':
      return step.nextReminderAt ? `We remind them on ${momentDayInWords(step.nextReminderAt)}.` : null;
    case 'sit_exam':
      return step.sitting ? `Your sitting: ${dayInWords(step.sitting.sitsOn)}.` : `Your approval is valid until ${momentDayInWords(step.approvalExpiresAt)}.`;
    case 'renew':
      return `Due ${dayInWords(step.dueOn)}; a late fee applies from ${momentDayInWords(step.lateFeeFrom)}.`;
    default:
      return null;
  }
}

/** What happens next on an application, and by when. */
export function NextStep({ step }: { step: PendingStep }) {
  const date = stepDate(step);
  // The renewal's own sentence carries its due day as digits; the date below says it in words.
  const description = step.step === 'renew' ? 'Record your continuing education, then submit your renewal.' : step.description;
  return (
    <p>
      <strong>Next:</strong> {description}
      {date && <> {date}</>}
    </p>
  );
}
