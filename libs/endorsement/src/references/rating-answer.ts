/** The code a form answer uses for "not enough information to rate". */
export const NOT_ENOUGH_INFORMATION = 'nei';

/** One answer on the rating form: a value of the form's scale, or "not enough information". */
export type RatingAnswer = number | typeof NOT_ENOUGH_INFORMATION;
