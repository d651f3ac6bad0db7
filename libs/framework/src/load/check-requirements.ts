import type { Requirements } from '../schema/requirements.schema.js';
import type { Finding } from './data-problems.js';
import { duplicates } from './duplicates.js';

export interface RequirementsContext {
  educationLevels: readonly string[];
  /** Undefined when not all categories could be read. */
  credentials: ReadonlySet<string> | undefined;
}

/** Checks that need more than one field, or other data, to judge resolved requirements. */
export function checkRequirements(r: Requirements, context: RequirementsContext): Finding[] {
  const findings: Finding[] = [];
  if (!context.educationLevels.includes(r.education.minimumLevel)) {
    findings.push({
      path: ['education', 'minimumLevel'],
      message: `must be one of the educationLevels (${context.educationLevels.join(', ')})`,
    });
  }
  if (r.training.deiHours + r.training.rscHours > r.training.totalHours) {
    findings.push({ path: ['training', 'totalHours'], message: 'must be at least deiHours + rscHours' });
  }
  if (r.rsc?.window && r.rsc.window.minMonths > r.rsc.window.maxMonths) {
    findings.push({ path: ['rsc', 'window', 'minMonths'], message: 'must not exceed maxMonths' });
  }
  if (r.rsc && r.rsc.aboutRscGivenHours > r.rsc.hours) {
    findings.push({ path: ['rsc', 'aboutRscGivenHours'], message: 'must not exceed hours' });
  }
  const { credentials } = context;
  r.rsc?.allowedProviderCredentials?.forEach((credential, i) => {
    if (credentials && !credentials.has(credential)) {
      findings.push({
        path: ['rsc', 'allowedProviderCredentials', i],
        message: `must be one of the credentials (${[...credentials].join(', ')})`,
      });
    }
  });
  for (const code of duplicates(r.references.roles.map((role) => role.code))) {
    findings.push({ path: ['references', 'roles'], message: `lists the role "${code}" more than once` });
  }
  if (r.renewal.deiHours + r.renewal.rscProviderRscTrainingHours > r.renewal.ceHours) {
    findings.push({ path: ['renewal', 'ceHours'], message: 'must be at least deiHours + rscProviderRscTrainingHours' });
  }
  return findings;
}
