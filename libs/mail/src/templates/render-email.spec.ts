import { describe, expect, test } from '@jest/globals';
import Handlebars from 'handlebars';
import { EMAIL_TEMPLATES as WORKFLOW_EMAIL_TEMPLATES } from '#workflow';
import { EmailModelError } from './email-model.error.js';
import type { EmailModel, OptionalEmailField } from './email-model.js';
import { EMAIL_TEMPLATE_NAMES, isEmailTemplateName, type EmailTemplateName } from './email-template-names.js';
import { EMAIL_TEMPLATE_SOURCES } from './email-template-sources.js';
import { renderEmail } from './render-email.js';

const APPLICATION_URL = 'https://portal.example.org/applications/42?tab=status&x=1';
const REFERENCE_URL = 'https://portal.example.org/r/secret-token-123?t=abc&u=def';
const ACCOUNT_URL = 'https://portal.example.org/reset-password#token=account-secret-456&x=1';

function fullModel(): EmailModel {
  return {
    association: { code: 'WA-AIMH', name: 'Western Australian Association for Infant Mental Health', contactEmail: 'endorsement@example.org' },
    recipient: { name: 'Jane Doe' },
    applicant: { name: 'Jane Doe' },
    categoryName: 'Infant Family Practitioner',
    endorsements: 'Infant Family Practitioner Endorsement',
    applicationUrl: APPLICATION_URL,
    reason: 'Please add your reflective supervision log.\nAnd the hours on diversity, equity and inclusion.',
    dueDate: '31 December 2026',
    endorsementNumber: 'WA-IFP-2026-0042',
    verifyUrl: 'https://portal.example.org/verify/WA-IFP-2026-0042',
    examWindow: 'March 2027',
    exam: {
      date: '12 March 2027',
      online: false,
      place: "Perth Children's Hospital",
      candidateCode: 'C-0A1B2C3D4E',
      part1: '60 multiple-choice questions in 90 minutes',
      part2: 'written answers to 2 of 3 short case examples in 90 minutes',
    },
    raters: [
      { name: 'Ann Lee', role: 'Program supervisor' },
      { name: 'Bob Ray', role: 'RSC provider' },
      { name: 'Cai Wu', role: 'Colleague' },
    ],
    rater: { name: 'Ann Lee', role: 'Program supervisor' },
    referenceUrl: REFERENCE_URL,
    referenceExpires: '15 January 2027',
    daysWaiting: 14,
    accountUrl: ACCOUNT_URL,
    accountLinkExpires: '15 January 2027, 10:30',
    staffRoles: 'reviewer and exam reviewer',
  };
}

/** Only the fields every email needs plus the ones this template declares; no contact address. */
function minimalModel(name: EmailTemplateName): EmailModel {
  const full = fullModel();
  const model: EmailModel = {
    association: { code: full.association.code, name: full.association.name },
    recipient: full.recipient,
    applicant: full.applicant,
    categoryName: full.categoryName,
    applicationUrl: full.applicationUrl,
  };
  for (const field of EMAIL_TEMPLATE_SOURCES[name].requires) Object.assign(model, { [field]: full[field] });
  return model;
}

const escapeHtml = (s: string): string => Handlebars.Utils.escapeExpression(s);
const isRaterEmail = (name: EmailTemplateName): boolean => EMAIL_TEMPLATE_SOURCES[name].audience === 'rater';
const isAccountEmail = (name: EmailTemplateName): boolean => EMAIL_TEMPLATE_SOURCES[name].audience === 'account';
// What makes a subject specific: the category, except in emails about one person.
const SUBJECT_NAMES: Partial<Record<EmailTemplateName, string>> = {
  reference_received: 'Ann Lee',
  reference_overdue_applicant: 'Ann Lee',
  rater_email_rejected: 'Ann Lee',
  reference_not_counted: 'Ann Lee',
  reference_overdue_coordinator: 'Ann Lee',
  reference_reminder: 'Jane Doe',
  password_reset: 'password',
  staff_invitation: 'reviewer and exam reviewer',
  registration_attempt: 'create an account with your email address',
  password_changed: 'password was changed',
};

describe('template names', () => {
  test('cover every email the workflow sends', () => {
    const fromWorkflow: readonly EmailTemplateName[] = WORKFLOW_EMAIL_TEMPLATES; // also checked by tsc
    expect(EMAIL_TEMPLATE_NAMES).toEqual(expect.arrayContaining([...fromWorkflow]));
  });

  test('are unique, and each has its sources', () => {
    expect(new Set(EMAIL_TEMPLATE_NAMES).size).toBe(EMAIL_TEMPLATE_NAMES.length);
    expect(Object.keys(EMAIL_TEMPLATE_SOURCES).sort()).toEqual([...EMAIL_TEMPLATE_NAMES].sort());
  });

  test('isEmailTemplateName narrows stored strings', () => {
    expect(isEmailTemplateName('endorsed')).toBe(true);
    expect(isEmailTemplateName('endorsed ')).toBe(false);
    expect(isEmailTemplateName('toString')).toBe(false);
  });

  test('an unknown name is refused', () => {
    expect(() => renderEmail('nope' as EmailTemplateName, fullModel())).toThrow('Unknown email template "nope"');
  });
});

describe.each(EMAIL_TEMPLATE_NAMES)('%s', (name) => {
  const { subject, html, text } = renderEmail(name, fullModel());
  const link = isRaterEmail(name) ? REFERENCE_URL : isAccountEmail(name) ? ACCOUNT_URL : APPLICATION_URL;

  test('has a short, specific, one-line subject with the association code', () => {
    expect(subject.startsWith('WA-AIMH: ')).toBe(true);
    expect(subject).not.toMatch(/\n|\{\{/);
    expect(subject.length).toBeLessThanOrEqual(110);
    expect(subject).toContain(SUBJECT_NAMES[name] ?? 'Infant Family Practitioner');
  });

  test('HTML part: one accessible layout with branding and a visible link', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('max-width:600px');
    expect(html).toContain('Western Australian Association for Infant Mental Health');
    expect(html).toContain('Dear Jane Doe,');
    expect(html).toContain('What happens next');
    expect(html).toContain(`href="${escapeHtml(link)}"`);
    expect(html).toContain(`>${escapeHtml(link)}</a>`); // the address itself, not only a button
    expect(html).not.toMatch(/<img|\{\{|<style/);
    expect(html).toContain('href="mailto:endorsement@example.org"');
  });

  test('text part: no markup, the same content, links written out', () => {
    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(text).not.toMatch(/&amp;|&#x|\{\{/);
    expect(text).toContain('Dear Jane Doe,');
    expect(text).toContain('What happens next');
    expect(text).toContain(link);
    expect(text).toContain('Western Australian Association for Infant Mental Health');
    expect(text).toContain('endorsement@example.org');
    expect(text).not.toMatch(/\n{3,}/);
  });

  test('the rater link appears only in emails to that rater', () => {
    if (isRaterEmail(name) || isAccountEmail(name)) {
      expect(html).not.toContain(escapeHtml(APPLICATION_URL));
      expect(text).not.toContain(APPLICATION_URL);
    }
    if (!isRaterEmail(name)) {
      expect(html).not.toContain('secret-token-123');
      expect(text).not.toContain('secret-token-123');
    }
  });

  test('the account link appears only in account emails', () => {
    if (isAccountEmail(name)) return;
    expect(html).not.toContain('account-secret-456');
    expect(text).not.toContain('account-secret-456');
  });

  test('escapes markup injected through model values', () => {
    const attack = '<script>alert("x")</script>';
    const model = fullModel();
    model.recipient.name = attack;
    model.applicant.name = attack;
    model.reason = attack;
    model.rater = { name: attack, role: attack };
    model.raters = [{ name: attack, role: attack }];
    const rendered = renderEmail(name, model);
    expect(rendered.html).not.toContain('<script');
    expect(rendered.html).toContain('&lt;script&gt;');
    expect(rendered.subject).not.toContain('&lt;'); // a header is plain text, not HTML
  });

  test('renders from only the fields it declares (no undeclared requirement)', () => {
    const rendered = renderEmail(name, minimalModel(name));
    expect(rendered.html).toContain('reply to this email');
    expect(rendered.text).toContain('reply to this email');
    expect(rendered.text).toContain(link);
  });

  const requires = EMAIL_TEMPLATE_SOURCES[name].requires;
  if (requires.length > 0) {
    test.each(requires)('throws naming %s when it is missing', (field: OptionalEmailField) => {
      const model = minimalModel(name);
      delete model[field];
      expect(() => renderEmail(name, model)).toThrow(new EmailModelError(name, field));
      expect(() => renderEmail(name, model)).toThrow(`${name} needs model.${field}`);
    });
  }

  test('is pure: same model, same email, model untouched', () => {
    const model = fullModel();
    const before = structuredClone(model);
    expect(renderEmail(name, model)).toEqual({ subject, html, text });
    expect(model).toEqual(before);
  });
});

describe('model checks', () => {
  test('fields every email prints must not be blank', () => {
    const model = fullModel();
    model.recipient.name = '  ';
    expect(() => renderEmail('endorsed', model)).toThrow('endorsed needs model.recipient.name');
    expect(() => renderEmail('endorsed', { ...fullModel(), categoryName: '' })).toThrow('endorsed needs model.categoryName');
  });

  test('a booked exam names every detail the candidate needs', () => {
    const full = fullModel();
    expect(() => renderEmail('exam_registered', { ...full, exam: { ...full.exam!, candidateCode: ' ' } })).toThrow(
      'exam_registered needs model.exam.candidateCode',
    );
    expect(() => renderEmail('exam_registered', { ...full, exam: { ...full.exam!, place: '' } })).toThrow('exam_registered needs model.exam.place');
  });

  test('a blank required string counts as missing', () => {
    expect(() => renderEmail('deferred', { ...fullModel(), reason: ' ' })).toThrow('deferred needs model.reason');
  });

  test('raters must list at least one complete rater', () => {
    expect(() => renderEmail('references_requested', { ...fullModel(), raters: [] })).toThrow(
      'references_requested needs model.raters to list at least one rater',
    );
    const raters = [
      { name: 'Ann Lee', role: 'Supervisor' },
      { name: '', role: 'Colleague' },
    ];
    expect(() => renderEmail('references_requested', { ...fullModel(), raters })).toThrow('references_requested needs model.raters[1].name');
  });

  test('rater needs a name and a role', () => {
    expect(() => renderEmail('rater_email_rejected', { ...fullModel(), rater: { name: 'Ann Lee', role: '' } })).toThrow(
      'rater_email_rejected needs model.rater.role',
    );
  });

  test('daysWaiting must be a number', () => {
    expect(() => renderEmail('reference_overdue_applicant', { ...fullModel(), daysWaiting: Number.NaN })).toThrow(
      'reference_overdue_applicant needs model.daysWaiting to be a number of days',
    );
  });

  test('links must be web links, and the rater link never appears in the message', () => {
    expect(() => renderEmail('endorsed', { ...fullModel(), applicationUrl: 'javascript:alert(1)' })).toThrow(
      'endorsed needs model.applicationUrl to be an http(s) URL',
    );
    const error = (() => {
      try {
        renderEmail('reference_request', { ...fullModel(), referenceUrl: 'portal.example.org/r/secret-token-123' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected renderEmail to throw');
    })();
    expect(error).toBeInstanceOf(EmailModelError);
    expect(error.message).toBe('reference_request needs model.referenceUrl to be an http(s) URL');
  });
});

describe('content', () => {
  test('references_requested lists each rater with their role', () => {
    const { html, text } = renderEmail('references_requested', fullModel());
    for (const { name, role } of fullModel().raters ?? []) {
      expect(html).toContain(`<li style="margin:0 0 6px;">${name}, ${role}</li>`);
      expect(text).toContain(`- ${name}, ${role}`);
    }
    expect(text).toContain('Raters are asked to answer by: 31 December 2026');
  });

  test('endorsed shows the endorsement number, where the certificate is and the public check, and offers the registry listing', () => {
    const { html, text } = renderEmail('endorsed', fullModel());
    expect(html).toContain('<strong>WA-IFP-2026-0042</strong>');
    expect(text).toContain('Your endorsement number is WA-IFP-2026-0042.');
    expect(text).toContain('Your certificate (PDF) and your Endorsement as a digital credential');
    expect(html).toContain(`href="${fullModel().verifyUrl}"`);
    expect(text).toContain(`is current at ${fullModel().verifyUrl}`);
    expect(text).toContain('you can list your name and endorsement number in the public registry');
  });

  test('renewed sends the endorsee back for the certificate with the new dates', () => {
    expect(renderEmail('renewed', fullModel()).text).toContain('Your certificate now shows your next renewal date');
  });

  test('reference_received promises the "all arrived" email only where one comes (no exam follows)', () => {
    expect(renderEmail('reference_received', { ...fullModel(), examFollows: false }).text).toContain('we will email you when all have arrived.');
    const exam = renderEmail('reference_received', { ...fullModel(), examFollows: true }).text;
    expect(exam).not.toContain('when all have arrived');
    expect(exam).toContain('the next step is your approval to sit the exam, and we will email you when you are approved');
  });

  test('exam seat emails: paper pages in person, the code on the answers online', () => {
    for (const name of ['exam_registered', 'exam_reminder'] as const) {
      const inPerson = renderEmail(name, fullModel()).text;
      expect(inPerson).toContain('on every page of both parts');
      expect(inPerson).not.toContain('online');
      const online = renderEmail(name, { ...fullModel(), exam: { ...fullModel().exam!, online: true, place: 'online' } }).text;
      expect(online).not.toContain('every page');
      expect(online).toContain('to identify your answers to both parts');
      expect(online).toContain('If you are not sure how to join the online sitting, or you can no longer attend');
    }
  });

  test('renewal emails mention the public registry only for a listed endorsement', () => {
    for (const name of ['renewal_open', 'renewed', 'renewal_late_notice'] as const) {
      expect(renderEmail(name, { ...fullModel(), registryListed: true }).text).toContain('public registry');
      expect(renderEmail(name, { ...fullModel(), registryListed: false }).text).not.toContain('public registry');
    }
  });

  test('deferred shows what to amend, keeping its line breaks, and by when', () => {
    const { html, text } = renderEmail('deferred', fullModel());
    expect(html).toContain('Please add your reflective supervision log.<br>And the hours on diversity, equity and inclusion.');
    expect(text).toContain('What to change:\nPlease add your reflective supervision log.\nAnd the hours on diversity');
    expect(text).toContain('Please resubmit by: 31 December 2026');
  });

  test('denied and on_hold show the reason', () => {
    expect(renderEmail('denied', fullModel()).text).toContain('The reason:\nPlease add your reflective supervision log.');
    expect(renderEmail('on_hold', fullModel()).text).toContain('The reason:\nPlease add your reflective supervision log.');
  });

  test('rater_email_rejected names the rater and asks for another address', () => {
    const { subject, html, text } = renderEmail('rater_email_rejected', fullModel());
    expect(subject).toBe('WA-AIMH: Please give another email address for Ann Lee');
    expect(html).toContain('Ann Lee (Program supervisor)');
    expect(html).toContain('email server rejected our message');
    expect(html).toContain('<strong>Please give us another email address for Ann Lee</strong>');
    expect(text).toContain('Please give us another email address for Ann Lee on your application page');
    expect(text).toContain(`Give another address:\n${APPLICATION_URL}`);
  });

  test('reference_request says who asks, for what, how long it takes, until when, and the link', () => {
    const { subject, html, text } = renderEmail('reference_request', fullModel());
    expect(subject).toBe('WA-AIMH: Reference request for Jane Doe (Infant Family Practitioner Endorsement)');
    expect(text).toContain('Jane Doe has applied to Western Australian Association for Infant Mental Health for the Infant Family Practitioner Endorsement');
    expect(text).toContain('about 15 minutes');
    expect(text).toContain('Your link works until: 15 January 2027');
    expect(html).toContain('<strong>Your link works until:</strong> 15 January 2027');
    expect(text).toContain(`Open the rating form:\n${REFERENCE_URL}`);
    expect(text).toContain('If you cannot give a reference');
  });

  test('reference_reminder repeats the link and its expiry', () => {
    const { subject, text } = renderEmail('reference_reminder', fullModel());
    expect(subject).toBe('WA-AIMH: Reminder about the reference for Jane Doe, due by 15 January 2027');
    expect(text).toContain('Your link works until: 15 January 2027');
    expect(text).toContain(REFERENCE_URL);
  });

  test('the association display name of the category is used in the subject', () => {
    expect(renderEmail('application_received', fullModel()).subject).toBe('WA-AIMH: Your Infant Family Practitioner application was received');
  });

  test('exam emails give the window and the retake deadline', () => {
    expect(renderEmail('exam_approved', fullModel()).text).toContain('Next exam window: March 2027');
    const retake = renderEmail('exam_failed_retake', fullModel()).text;
    expect(retake).toContain('Send your retake request by: 31 December 2026');
    expect(retake).toContain('write to endorsement@example.org and say that you would like to retake');
  });

  test('renewal emails give the due date', () => {
    expect(renderEmail('renewal_open', fullModel()).subject).toBe('WA-AIMH: Please renew your Infant Family Practitioner Endorsement by 31 December 2026');
    expect(renderEmail('renewed', fullModel()).text).toContain('Your next renewal is due by: 31 December 2026');
  });

  test('lapsed explains how to reinstate (new references, no exam), as a reinstatement does it', () => {
    const { text } = renderEmail('lapsed', fullModel());
    expect(text).toContain('start a reinstatement from your application page and name your reference raters');
    expect(text).toContain('your earlier references no longer count');
    expect(text).toContain('You do not need to take the exam again.');
    expect(text).not.toMatch(/fee|work experience/);
  });

  test('overdue emails count the days waiting', () => {
    expect(renderEmail('reference_overdue_applicant', fullModel()).text).toContain('14 days ago');
    expect(renderEmail('reference_overdue_coordinator', { ...fullModel(), daysWaiting: 1 }).text).toContain('1 day after it was sent');
  });

  test('account emails: the single-use link, until when it works, and what if it was not you', () => {
    const reset = renderEmail('password_reset', fullModel());
    expect(reset.subject).toBe('WA-AIMH: Reset your Endorsement password');
    expect(reset.text).toContain(`Choose a new password:\n${ACCOUNT_URL}`);
    expect(reset.text).toContain('The link works until: 15 January 2027, 10:30');
    expect(reset.text).toContain('If you did not ask for this, you can ignore this email');
    const invitation = renderEmail('staff_invitation', fullModel());
    expect(invitation.subject).toBe('WA-AIMH: You are invited to the Endorsement team as reviewer and exam reviewer');
    expect(invitation.text).toContain(`Accept the invitation:\n${ACCOUNT_URL}`);
    expect(invitation.text).toContain('The invitation works until: 15 January 2027, 10:30');
  });

  test('a registration for a known address: what happened, nothing changed, what to do if it was or was not you', () => {
    const attempt = renderEmail('registration_attempt', fullModel());
    expect(attempt.subject).toBe('WA-AIMH: Someone tried to create an account with your email address');
    expect(attempt.text).toContain('create a new Endorsement account with Western Australian Association for Infant Mental Health using this email address');
    expect(attempt.text).toContain('nothing about your account has changed');
    expect(attempt.text).toContain('If it was not you, you need do nothing');
    expect(attempt.text).toContain(`Sign in:\n${APPLICATION_URL}`);
    expect(`${attempt.html}${attempt.text}`).not.toContain(ACCOUNT_URL);
  });

  test('a password changed: what happened, nothing to do if it was you, what to do if not; no secret', () => {
    const changed = renderEmail('password_changed', fullModel());
    expect(changed.subject).toBe('WA-AIMH: Your Endorsement password was changed');
    expect(changed.text).toContain('The password of your Endorsement account with Western Australian Association for Infant Mental Health was just changed');
    expect(changed.text).toContain('If it was you, you need do nothing.');
    expect(changed.text).toContain('If it was not you: choose "Forgot your password?"');
    expect(changed.text).toContain(`Sign in:\n${APPLICATION_URL}`);
    expect(`${changed.html}${changed.text}`).not.toContain(ACCOUNT_URL);
  });

  test('no association is hard-coded', () => {
    const model: EmailModel = { ...fullModel(), association: { code: 'EX', name: 'Example Association' } };
    for (const name of EMAIL_TEMPLATE_NAMES) {
      const { subject, html, text } = renderEmail(name, model);
      expect(`${subject}${html}${text}`).not.toMatch(/AIMH|Michigan|Western Australia/i);
      expect(subject.startsWith('EX: ')).toBe(true);
    }
  });
});
