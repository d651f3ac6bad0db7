import { NOT_ENOUGH_INFORMATION, type RatingAnswer } from '#endorsement';
import type { RatingForm } from '#framework';

/** The longest comment kept; the textarea says so and enforces it in the browser too. */
export const COMMENTS_MAX_LENGTH = 4000;
/** Names of the form's fields: one radio group per item, and the comments. */
export const itemField = (code: string): string => `item.${code}`;
export const COMMENTS_FIELD = 'comments';

export interface RatingSubmission {
  answers: Record<string, RatingAnswer>;
  comments: string;
}

/** One problem, linked from the error summary to the element `target` names. */
export interface SubmissionError {
  target: string;
  /** In the summary at the top: says which statement. */
  message: string;
  /** The item it concerns, to mark that item's fieldset with `inline`, which need not repeat the statement. */
  item?: string;
  inline?: string;
}

/** What the rater sent, kept so a form with errors is shown again as they left it. */
export interface SubmittedValues {
  answers: Record<string, string>;
  comments: string;
}

export type ParsedSubmission = { ok: true; value: RatingSubmission } | { ok: false; errors: SubmissionError[]; values: SubmittedValues };

/** The id of an item's n-th choice; the first is where an error summary link puts the focus. */
export const choiceId = (code: string, n: number): string => `item-${code}-choice-${n}`;

/**
 * Validates the POSTed form (urlencoded): each item exactly one answer among the scale's values or
 * "not enough information", comments bounded, nothing else. Pure; the page renders the errors.
 */
export function parseRatingSubmission(body: unknown, form: RatingForm): ParsedSubmission {
  const fields: Record<string, unknown> = isRecord(body) ? body : {};
  const errors: SubmissionError[] = [];
  const values: SubmittedValues = { answers: {}, comments: '' };
  const answers: Record<string, RatingAnswer> = {};
  const choices = new Map<string, RatingAnswer>([
    ...form.scale.map((point) => [String(point.value), point.value] as const),
    [NOT_ENOUGH_INFORMATION, NOT_ENOUGH_INFORMATION],
  ]);
  const known = new Set([COMMENTS_FIELD, ...form.items.map((item) => itemField(item.code))]);
  const unknown = Object.keys(fields).filter((name) => !known.has(name));
  // No body at all is merely an empty form; anything else that is not a form is refused.
  if (unknown.length || (body !== undefined && !isRecord(body))) {
    errors.push({
      target: 'rating-form',
      message: 'The form sent something this page does not ask for. Please check your answers below and send the form again.',
    });
  }

  form.items.forEach((item, i) => {
    const raw = fields[itemField(item.code)];
    const label = `statement ${i + 1} (“${item.statement}”)`;
    const answer = typeof raw === 'string' ? choices.get(raw) : undefined;
    if (answer !== undefined) {
      answers[item.code] = answer;
      values.answers[item.code] = raw as string;
      return;
    }
    const problem = raw === undefined || raw === '' ? 'Choose an answer' : Array.isArray(raw) ? 'Choose only one answer' : 'Choose one of the answers offered';
    errors.push({ target: choiceId(item.code, 0), message: `${problem} for ${label}`, item: item.code, inline: `${problem} for this statement` });
  });

  const rawComments = fields[COMMENTS_FIELD] ?? '';
  if (typeof rawComments !== 'string') {
    errors.push({ target: COMMENTS_FIELD, message: 'Comments must be plain text' });
  } else {
    values.comments = cleanComments(rawComments);
    if (values.comments.length > COMMENTS_MAX_LENGTH) {
      errors.push({
        target: COMMENTS_FIELD,
        message: `Comments must be ${COMMENTS_MAX_LENGTH.toLocaleString('en-US')} characters or fewer (you wrote ${values.comments.length.toLocaleString('en-US')})`,
      });
    }
  }

  return errors.length ? { ok: false, errors, values } : { ok: true, value: { answers, comments: values.comments } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Browsers send line breaks as CRLF; other control characters are never typed, so they go. (The
 * api refuses NUL before this, with the rater's error page: UnstorableTextGuard.)
 */
function cleanComments(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .trim()
  );
}
