import { TransitionApplication } from '#endorsement';
import { loadFramework } from '#framework';
import { insertApplication } from './application-fixture.js';
import type { TestSystem } from './test-system.js';

/**
 * A submitted MI-AIMH IFA application moved into reference checks: each rater is emailed a request.
 * Applicants waive access to the forms unless a rater says otherwise. Returns its id.
 */
export async function startReferenceChecks(
  system: TestSystem,
  raters: { raterName: string; raterEmail: string; role: string; waivedAccess?: boolean }[],
): Promise<string> {
  const appId = await insertApplication(system.ds, loadFramework(), {
    state: 'submitted',
    portfolio: {
      education: [],
      work: [],
      trainings: [],
      rsc: [],
      agreements: {},
      membership: null,
      references: raters.map((r) => ({ ...r, waivedAccess: r.waivedAccess ?? true })),
    },
  });
  await system.worker.get(TransitionApplication).execute({ applicationId: appId, event: 'begin_reference_checks', actor: { id: null, role: 'system' } });
  return appId;
}
