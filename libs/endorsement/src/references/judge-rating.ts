import type { RatingForm } from '#framework';
import { NOT_ENOUGH_INFORMATION, type RatingAnswer } from './rating-answer.js';

export interface RatingJudgement {
  /** Items answered "not enough information" (an item left without an answer counts as one). */
  readonly notEnoughInformation: number;
  /** False when the rater could rate too little for the form to count as a reference. */
  readonly counts: boolean;
}

/** Whether a completed form counts as a reference: fewer than `invalidAt` "not enough information" answers. */
export function judgeRating(form: RatingForm, answers: Readonly<Record<string, RatingAnswer>>): RatingJudgement {
  const scale = new Set(form.scale.map((point) => point.value));
  // Only the form's own items are counted, and anything that is not a scale value is no rating: the edge
  // validates, but a wrong answer must never make a form count.
  const notEnoughInformation = form.items.filter((item) => {
    const answer = answers[item.code];
    return answer === NOT_ENOUGH_INFORMATION || typeof answer !== 'number' || !scale.has(answer);
  }).length;
  return { notEnoughInformation, counts: notEnoughInformation < form.notEnoughInformation.invalidAt };
}
