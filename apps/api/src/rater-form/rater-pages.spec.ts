import { describe, expect, test } from '@jest/globals';
import type { RaterFormView } from '#endorsement';
import { loadFramework } from '#framework';
import { renderRatingFormPage } from './rater-form.page.js';
import { renderLinkClosedPage } from './rater-link-closed.page.js';
import { renderThanksPage } from './rater-thanks.page.js';
import { parseRatingSubmission } from './rating-submission.dto.js';

const form = loadFramework().ratingForm;
const view: RaterFormView = {
  applicantName: 'Ana <script>alert(1)</script> "Q"',
  categoryName: 'Infant Family Associate',
  associationName: 'Michigan Association for Infant Mental Health',
  associationEmail: 'endorsement@mi-aimh.example.org',
  raterName: 'Rosa & Co',
  raterRole: 'Supervisor, teacher or CDA mentor',
  applicantMaySeeAnswers: false,
  linkExpires: '2 December 2026',
};

describe('rater pages', () => {
  test('the form: one labelled fieldset per item with a radio per scale value and "not enough information", comments, a submit button', () => {
    const html = renderRatingFormPage(view, form);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.match(/<fieldset/g)).toHaveLength(form.items.length);
    expect(html.match(/<legend>/g)).toHaveLength(form.items.length);
    expect(html.match(/type="radio"/g)).toHaveLength(form.items.length * (form.scale.length + 1));
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#x27;');
    form.items.forEach((item, i) => expect(html).toContain(`<legend>${i + 1}. ${escaped(item.statement)}</legend>`));
    expect(html).toContain(
      `<label class="choice nei" for="item-${form.items[0].code}-choice-4"><input type="radio" id="item-${form.items[0].code}-choice-4" name="item.${form.items[0].code}" value="nei"> <span>Not enough information to rate</span></label>`,
    );
    expect(html).toMatch(/<label class="block" for="comments">Comments \(optional\)<\/label>/);
    expect(html).toContain('maxlength="4000"');
    expect(html).toContain('<button type="submit">Send reference</button>');
    expect(html).toContain('<form method="post" id="rating-form"');
    expect(html).not.toMatch(/<script|src=|href="http/);
    expect(html).not.toContain('There is a problem');
    expect(html).toContain('has waived the right to read your answers');
  });

  test('everything that comes from people is escaped', () => {
    const html = renderRatingFormPage(view, form, { values: { answers: {}, comments: '</textarea><script>x</script>' }, errors: [] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('Ana &lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot;');
    expect(html).toContain('Rosa &amp; Co');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>');
    expect(
      renderThanksPage({ status: 'rated', referencesCompleted: false, applicantName: '<b>x</b>', associationName: 'A', associationEmail: 'a@example.org' }),
    ).not.toContain('<b>x</b>');
  });

  test('with errors: a summary first, linked to the items, and the answers given still checked', () => {
    const [a, b] = form.items;
    const parsed = parseRatingSubmission({ [`item.${a.code}`]: '2', comments: 'kept' }, form);
    if (parsed.ok) throw new Error('expected errors');
    const html = renderRatingFormPage(view, form, parsed);
    expect(html.indexOf('There is a problem')).toBeLessThan(html.indexOf('<form'));
    expect(html).toMatch(/<title>Error: /);
    expect(html).toContain(`<a href="#item-${b.code}-choice-0">Choose an answer for statement 2`);
    expect(html).toContain(`<div class="item has-error" id="item-${b.code}">`);
    expect(html).toContain(`aria-describedby="item-${b.code}-error"`);
    expect(html).toContain(`id="item-${a.code}-choice-1" name="item.${a.code}" value="2" checked>`);
    expect(html.match(/ checked>/g)).toHaveLength(1);
    expect(html).toContain('>kept</textarea>');
  });

  test('closed links: 404 for unknown, 410 for used or expired, naming no one', () => {
    expect(renderLinkClosedPage('unknown').status).toBe(404);
    expect(renderLinkClosedPage('used').status).toBe(410);
    expect(renderLinkClosedPage('expired').status).toBe(410);
    for (const problem of ['unknown', 'used', 'expired'] as const) {
      const { html } = renderLinkClosedPage(problem);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('contact the association that asked you, or the person who asked you');
    }
  });

  test('thanks, also when the form cannot count', () => {
    const base = { referencesCompleted: false, applicantName: 'Ana', associationName: 'MI-AIMH', associationEmail: 'a@example.org' };
    expect(renderThanksPage({ ...base, status: 'rated' })).toContain('<h1>Thank you</h1>');
    const invalid = renderThanksPage({ ...base, status: 'invalid' });
    expect(invalid).toContain('<h1>Thank you</h1>');
    expect(invalid).toContain('not enough information to rate');
    // What happens then: the applicant is emailed to name another rater (reference_not_counted).
    expect(invalid).toContain('we are asking Ana to name another rater');
    expect(renderThanksPage({ ...base, status: 'rated' })).toContain('if you open your link again, it will tell you that your reference has been sent');
  });
});
