import type { WorkflowEvent } from '#workflow';

/** The route of each event an applicant fires: every one has its own (the transitions route is staff's). */
export const APPLICANT_ENDPOINTS: Partial<Readonly<Record<WorkflowEvent, string>>> = {
  submit: 'POST /api/v1/applications/{id}/submit',
  resubmit: 'POST /api/v1/applications/{id}/submit',
  withdraw: 'POST /api/v1/applications/{id}/withdraw',
  reinstate: 'POST /api/v1/applications/{id}/reinstate',
};
