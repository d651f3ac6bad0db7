import type { components } from '#api-client';
import { dayInWords } from '../../ui/dates-in-words';

export type ExamApproval = components['schemas']['ExamApproval'];
type ExamWindow = components['schemas']['ExamWindow'];

/** The choice of no seat: the approved applicant registers for a sitting themselves. */
export const NO_SEAT = 'none';

/** The sittings a coordinator may book a seat at (those with seats left), after the choice of none. */
export function sittingChoices(windows: ExamWindow[]): { id: string; label: string }[] {
  return [
    { id: NO_SEAT, label: 'None: the applicant registers' },
    ...windows.filter((w) => w.seatsLeft > 0).map((w) => ({ id: w.id, label: `${dayInWords(w.sitsOn)} (${w.seatsLeft} seats left)` })),
  ];
}

/** What an exam approval did, in a sentence: the seat and candidate code booked, or the applicant left to register. */
export function examApprovalInWords(name: string, approval: ExamApproval): string {
  return approval.seat
    ? `${name} is approved to sit the exam. Seat booked on ${dayInWords(approval.seat.window.sitsOn)}, candidate code ${approval.seat.candidateCode}.`
    : `${name} is approved to sit the exam. The applicant is emailed and registers for a sitting.`;
}
