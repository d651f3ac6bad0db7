import { describe, expect, test } from '@jest/globals';
import { loadFramework, type RatingForm } from '#framework';
import { judgeRating } from './judge-rating.js';
import type { RatingAnswer } from './rating-answer.js';

const form: RatingForm = {
  validMonths: 12,
  scale: [
    { value: 1, label: 'Not yet' },
    { value: 2, label: 'Yes' },
  ],
  notEnoughInformation: { label: 'Not enough information', invalidAt: 3 },
  items: ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code, area: 'area', statement: `Statement ${code}` })),
};

const answers = (...values: RatingAnswer[]) => Object.fromEntries(values.map((v, i) => [form.items[i].code, v]));

describe('judging a completed rating form', () => {
  test('counts "not enough information" answers; fewer than invalidAt count as a reference', () => {
    expect(judgeRating(form, answers(1, 2, 2, 1, 2))).toEqual({ notEnoughInformation: 0, counts: true });
    expect(judgeRating(form, answers('nei', 'nei', 2, 1, 2))).toEqual({ notEnoughInformation: 2, counts: true });
  });

  test('invalidAt or more do not count, exactly at the boundary too', () => {
    expect(judgeRating(form, answers('nei', 'nei', 'nei', 1, 2))).toEqual({ notEnoughInformation: 3, counts: false });
    expect(judgeRating(form, answers('nei', 'nei', 'nei', 'nei', 'nei'))).toEqual({ notEnoughInformation: 5, counts: false });
  });

  test('a missing answer or a value off the scale is no rating, and answers to other items are ignored', () => {
    expect(judgeRating(form, { a: 1, b: 2, c: 2 })).toMatchObject({ notEnoughInformation: 2, counts: true });
    expect(judgeRating(form, { ...answers(1, 2, 2, 1, 2), d: 7, e: 7, f: 'nei', g: 'nei', h: 'nei' })).toMatchObject({ notEnoughInformation: 2 });
    expect(judgeRating(form, {})).toMatchObject({ notEnoughInformation: 5, counts: false });
  });

  test("with the framework's own form: 5 of 17 unrated still counts, 6 do not (the domain's rule)", () => {
    const real = loadFramework().ratingForm;
    expect(real.notEnoughInformation.invalidAt).toBe(6);
    const withNei = (n: number) => Object.fromEntries(real.items.map((item, i) => [item.code, i < n ? 'nei' : 3] as [string, RatingAnswer]));
    expect(judgeRating(real, withNei(5))).toEqual({ notEnoughInformation: 5, counts: true });
    expect(judgeRating(real, withNei(6))).toEqual({ notEnoughInformation: 6, counts: false });
  });
});
