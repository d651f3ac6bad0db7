import { describe, expect, test } from '@jest/globals';
import { EmailLinks } from './email-links.js';

const links = new EmailLinks('https://portal.example.org');
const APP = '0b6f6a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('EmailLinks', () => {
  test('each recipient gets the page their role opens: staff never the applicant-only page', () => {
    expect(links.applicationPageFor('applicant', 'withdrawn', APP)).toBe(`https://portal.example.org/applications/${APP}`);
    expect(links.applicationPageFor('coordinator', 'reference_overdue_coordinator', APP)).toBe(
      `https://portal.example.org/staff/applications/${APP}#references`,
    );
    expect(links.applicationPageFor('administrator', 'panel_escalated', APP)).toBe(`https://portal.example.org/staff/applications/${APP}#panel`);
    expect(links.applicationPageFor('reviewer', 'panel_assigned', APP)).toBe(`https://portal.example.org/reviews/${APP}`);
    // Taken off the panel, the reviewer can no longer open that review: their list instead.
    expect(links.applicationPageFor('reviewer', 'panel_released', APP)).toBe('https://portal.example.org/reviews');
    expect(links.applicationPageFor('rater', 'reference_request', APP)).toBe('https://portal.example.org');
  });

  test("an applicant's email lands on the part it is about: references, exam, deferral, endorsement and renewal", () => {
    expect(links.applicationPageFor('applicant', 'rater_email_rejected', APP)).toBe(`https://portal.example.org/applications/${APP}#references`);
    expect(links.applicationPageFor('applicant', 'exam_approved', APP)).toBe(`https://portal.example.org/applications/${APP}#exam`);
    expect(links.applicationPageFor('applicant', 'deferred', APP)).toBe(`https://portal.example.org/applications/${APP}#deferral`);
    expect(links.applicationPageFor('applicant', 'endorsed', APP)).toBe(`https://portal.example.org/endorsements/${APP}`);
    expect(links.applicationPageFor('applicant', 'renewal_reminder', APP)).toBe(`https://portal.example.org/endorsements/${APP}#renewal`);
    expect(links.applicationPageFor('applicant', 'lapsed', APP)).toBe(`https://portal.example.org/endorsements/${APP}#reinstate`);
  });

  test('secret links: the rater form in the path, account tokens in the fragment', () => {
    expect(links.raterForm('tok')).toBe('https://portal.example.org/r/tok');
    expect(links.accountPage('reset-password', 'tok')).toBe('https://portal.example.org/reset-password#token=tok');
  });
});
