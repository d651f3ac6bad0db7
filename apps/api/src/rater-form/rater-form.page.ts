import type { RaterFormView } from '#endorsement';
import { NOT_ENOUGH_INFORMATION } from '#endorsement';
import type { RatingForm } from '#framework';
import { compilePage } from '../pages/page-layout.js';
import { COMMENTS_FIELD, COMMENTS_MAX_LENGTH, choiceId, itemField, type SubmissionError, type SubmittedValues } from './rating-submission.dto.js';

interface FormPageModel {
  title: string;
  view: RaterFormView;
  invalidAt: number;
  commentsMax: string;
  commentsMaxLength: number;
  commentsField: string;
  comments: string;
  errors: SubmissionError[];
  hasErrors: boolean;
  items: {
    number: number;
    code: string;
    statement: string;
    field: string;
    error: string | null;
    choices: { id: string; value: string; label: string; checked: boolean; nei: boolean }[];
  }[];
}

// Without JavaScript: a plain POST to this same URL. Every item is a fieldset whose legend is the
// statement, so screen readers announce it with each choice.
const render = compilePage<FormPageModel>(`{{#> layout title=title}}
<p class="association">{{view.associationName}}</p>
<h1>Reference for {{view.applicantName}}</h1>
{{#if hasErrors}}
<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
  <h2 id="error-summary-title">There is a problem with the form</h2>
  <p>Nothing has been sent yet. Please correct the following and send the form again:</p>
  <ul>
  {{#each errors}}<li><a href="#{{target}}">{{message}}</a></li>
  {{/each}}
  </ul>
</div>
{{/if}}
<p class="lead">{{view.applicantName}} has applied for <strong>{{view.categoryName}}</strong> endorsement with {{view.associationName}} and named you, {{view.raterName}}, as a reference ({{view.raterRole}}).</p>
<p>For each statement below, choose how well it describes the work you have seen {{view.applicantName}} do. If you have not seen them do it, choose “not enough information to rate”. A form with {{invalidAt}} or more such answers cannot count as a reference.</p>
<div class="note">
{{#if view.applicantMaySeeAnswers}}
<p>{{view.applicantName}} may ask to read your answers. The association's endorsement staff and reviewers read them.</p>
{{else}}
<p>{{view.applicantName}} has waived the right to read your answers: only the association's endorsement staff and reviewers read them.</p>
{{/if}}
</div>
{{#if view.linkExpires}}<p>You can send the form once, until {{view.linkExpires}}. It takes about ten minutes.</p>{{/if}}

<form method="post" id="rating-form" accept-charset="utf-8">
{{#each items}}
<div class="item{{#if error}} has-error{{/if}}" id="item-{{code}}">
<fieldset{{#if error}} aria-describedby="item-{{code}}-error"{{/if}}>
  <legend>{{number}}. {{statement}}</legend>
  {{#if error}}<p class="field-error" id="item-{{code}}-error"><span class="visually-hidden">Error: </span>{{error}}</p>{{/if}}
  <div class="choices">
  {{#each choices}}
    <label class="choice{{#if nei}} nei{{/if}}" for="{{id}}"><input type="radio" id="{{id}}" name="{{../field}}" value="{{value}}"{{#if checked}} checked{{/if}}> <span>{{label}}</span></label>
  {{/each}}
  </div>
</fieldset>
</div>
{{/each}}

<label class="block" for="{{commentsField}}">Comments (optional)</label>
<p class="hint" id="comments-hint">Anything else the reviewers should know about {{view.applicantName}}'s work with infants, young children and families. At most {{commentsMax}} characters.</p>
<textarea id="{{commentsField}}" name="{{commentsField}}" rows="6" maxlength="{{commentsMaxLength}}" aria-describedby="comments-hint">{{comments}}</textarea>

<button type="submit">Send reference</button>
</form>
<footer>
<p>Questions about this request? Write to {{view.associationName}} at <a href="mailto:{{view.associationEmail}}">{{view.associationEmail}}</a>.</p>
</footer>
{{/layout}}`);

/** The rating form, empty or as the rater sent it with what to correct. */
export function renderRatingFormPage(
  view: RaterFormView,
  form: RatingForm,
  sent: { values: SubmittedValues; errors: SubmissionError[] } = { values: { answers: {}, comments: '' }, errors: [] },
): string {
  const options = [
    ...form.scale.map((point) => ({ value: String(point.value), label: point.label, nei: false })),
    { value: NOT_ENOUGH_INFORMATION, label: form.notEnoughInformation.label, nei: true },
  ];
  const hasErrors = sent.errors.length > 0;
  return render({
    title: `${hasErrors ? 'Error: ' : ''}Reference for ${view.applicantName} – ${view.associationName}`,
    view,
    invalidAt: form.notEnoughInformation.invalidAt,
    commentsMax: COMMENTS_MAX_LENGTH.toLocaleString('en-US'),
    commentsMaxLength: COMMENTS_MAX_LENGTH,
    commentsField: COMMENTS_FIELD,
    comments: sent.values.comments,
    errors: sent.errors,
    hasErrors,
    items: form.items.map((item, i) => ({
      number: i + 1,
      code: item.code,
      statement: item.statement,
      field: itemField(item.code),
      error: sent.errors.find((e) => e.item === item.code)?.inline ?? null,
      choices: options.map((option, j) => ({
        id: choiceId(item.code, j),
        value: option.value,
        label: option.label,
        nei: option.nei,
        checked: sent.values.answers[item.code] === option.value,
      })),
    })),
  });
}
