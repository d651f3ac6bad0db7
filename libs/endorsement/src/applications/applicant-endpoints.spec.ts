import { describe, expect, test } from '@jest/globals';
import { TRANSITION_TABLE } from '#workflow';
import { allowedEventViews } from '../transition/allowed-event-view.js';
import { APPLICANT_ENDPOINTS } from './applicant-endpoints.js';

const applicantAllowedEvents = (state: Parameters<typeof allowedEventViews>[0]) => allowedEventViews(state, 'applicant', APPLICANT_ENDPOINTS);

describe("the applicant's allowed events", () => {
  test('every event the table gives the applicant has a route of the applicant api', () => {
    const applicantEvents = TRANSITION_TABLE.filter((rule) => rule.roles.includes('applicant')).map((rule) => rule.event);
    expect(applicantEvents.filter((event) => !APPLICANT_ENDPOINTS[event])).toEqual([]);
  });

  test("lists the applicant's events from the state, with their routes, and none of staff's", () => {
    expect(applicantAllowedEvents('draft')).toEqual([
      { event: 'submit', reasonRequired: false, endpoint: 'POST /api/v1/applications/{id}/submit', blockedBy: [] },
      { event: 'withdraw', reasonRequired: false, endpoint: 'POST /api/v1/applications/{id}/withdraw', blockedBy: [] },
    ]);
    expect(applicantAllowedEvents('deferred').map((a) => a.event)).toEqual(['resubmit', 'withdraw']);
    expect(applicantAllowedEvents('panel_review').map((a) => a.event)).toEqual(['withdraw']);
    expect(applicantAllowedEvents('lapsed').map((a) => a.event)).toEqual(['reinstate']);
    expect(applicantAllowedEvents('renewal_due')).toEqual([]);
    expect(applicantAllowedEvents('withdrawn')).toEqual([]);
  });
});
