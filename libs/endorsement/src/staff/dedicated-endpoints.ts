import type { WorkflowEvent } from '#workflow';

/**
 * Events that carry more than a reason (scores, votes, an exam approval date) and have routes of
 * their own; the generic staff transition route refuses them, naming the route to use.
 */
export const DEDICATED_ENDPOINTS: Partial<Readonly<Record<WorkflowEvent, string>>> = {
  approve_exam: 'POST /staff/applications/{id}/exam-approval',
  pass_exam: 'the exam scoring routes (/exam)',
  fail_exam: 'the exam scoring routes (/exam)',
  panel_endorse: 'the panel review routes (/panel)',
  panel_defer: 'the panel review routes (/panel)',
  panel_deny: 'the panel review routes (/panel)',
  panel_escalate: 'the panel review routes (/panel)',
};
