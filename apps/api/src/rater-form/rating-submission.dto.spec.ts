import { describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { COMMENTS_MAX_LENGTH, parseRatingSubmission } from './rating-submission.dto.js';

const form = loadFramework().ratingForm;
const complete = (value = '3'): Record<string, string> => Object.fromEntries(form.items.map((item) => [`item.${item.code}`, value]));
const [first, second] = form.items;

describe('validating a posted rating form', () => {
  test('every item answered on the scale or "nei": answers typed, comments cleaned', () => {
    const body = { ...complete(), [`item.${first.code}`]: 'nei', [`item.${second.code}`]: '1', comments: '  Line one\r\nLine two\u0000  ' };
    const parsed = parseRatingSubmission(body, form);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.answers[first.code]).toBe('nei');
    expect(parsed.value.answers[second.code]).toBe(1);
    expect(parsed.value.answers[form.items[2].code]).toBe(3);
    expect(Object.keys(parsed.value.answers)).toHaveLength(form.items.length);
    expect(parsed.value.comments).toBe('Line one\nLine two');
    expect(parseRatingSubmission(complete(), form)).toEqual({ ok: true, value: expect.objectContaining({ comments: '' }) });
  });

  test('a missing answer is named, linked to its first choice, and the other answers are kept', () => {
    const body: Record<string, string> = { ...complete('4'), comments: 'Kept' };
    delete body[`item.${second.code}`];
    const parsed = parseRatingSubmission(body, form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      {
        target: `item-${second.code}-choice-0`,
        item: second.code,
        message: `Choose an answer for statement 2 (“${second.statement}”)`,
        inline: 'Choose an answer for this statement',
      },
    ]);
    expect(parsed.values.answers[first.code]).toBe('4');
    expect(parsed.values.answers[second.code]).toBeUndefined();
    expect(parsed.values.comments).toBe('Kept');
  });

  test('two answers for one item, or a value not offered, are refused', () => {
    const twice = parseRatingSubmission({ ...complete(), [`item.${first.code}`]: ['1', '2'] }, form);
    expect(!twice.ok && twice.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Choose only one answer for statement 1/)]);
    for (const bad of ['5', '0', '03', ' 3', 'NEI', '', '3.0']) {
      const parsed = parseRatingSubmission({ ...complete(), [`item.${first.code}`]: bad }, form);
      expect(parsed.ok).toBe(false);
    }
  });

  test('unknown fields are refused, even alongside a complete form', () => {
    for (const extra of [{ rating: '4' }, { [`item.not_an_item`]: '3' }, { __proto__x: '1' }, { 'comments[]': 'x' }]) {
      const parsed = parseRatingSubmission({ ...complete(), ...extra }, form);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.errors[0].target).toBe('rating-form');
    }
  });

  test('comments are bounded and must be text', () => {
    expect(parseRatingSubmission({ ...complete(), comments: 'x'.repeat(COMMENTS_MAX_LENGTH) }, form).ok).toBe(true);
    const long = parseRatingSubmission({ ...complete(), comments: 'x'.repeat(COMMENTS_MAX_LENGTH + 1) }, form);
    expect(!long.ok && long.errors).toEqual([{ target: 'comments', message: 'Comments must be 4,000 characters or fewer (you wrote 4,001)' }]);
    expect(!long.ok && long.values.comments).toHaveLength(COMMENTS_MAX_LENGTH + 1);
    expect(parseRatingSubmission({ ...complete(), comments: ['a', 'b'] }, form).ok).toBe(false);
  });

  test('a body that is not a form (none, JSON array, nested objects) is refused without throwing', () => {
    for (const body of [undefined, null, 'text', [], [complete()]]) expect(parseRatingSubmission(body, form).ok).toBe(false);
    expect(parseRatingSubmission({ ...complete(), [`item.${first.code}`]: { value: '3' } }, form).ok).toBe(false);
    expect(parseRatingSubmission(Object.assign(Object.create(null), complete()), form).ok).toBe(true);
  });
});
