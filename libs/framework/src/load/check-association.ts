import type { CategoryDefinition } from '../framework.types.js';
import type { Association } from '../schema/association.schema.js';
import type { Finding } from './data-problems.js';

function isStrictlyIncreasing(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value > values[i - 1]!);
}

/** Checks an association's data against itself and against the framework's categories. */
export function checkAssociation(
  association: Association,
  stem: string,
  categories: readonly CategoryDefinition[],
): Finding[] {
  const findings: Finding[] = [];
  if (association.code.toLowerCase() !== stem) {
    findings.push({ path: ['code'], message: `must match the file name (expected the file ${association.code.toLowerCase()}.yaml)` });
  }
  const offered = Object.entries(association.categories);
  if (offered.length === 0) findings.push({ path: ['categories'], message: 'must offer at least one category' });
  for (const [code, entry] of offered) {
    const definition = categories.find((c) => c.code === code);
    if (!definition) {
      findings.push({
        path: ['categories', code],
        message: `is not a category of the framework (${categories.map((c) => c.code).join(', ')})`,
      });
      continue;
    }
    for (const track of Object.keys(entry.tracks ?? {})) {
      if (!definition.tracks.some((t) => t.code === track)) {
        findings.push({
          path: ['categories', code, 'tracks', track],
          message: definition.tracks.length
            ? `is not a track of ${code} (${definition.tracks.map((t) => t.code).join(', ')})`
            : `is not a track: ${code} has no tracks`,
        });
      }
    }
  }

  const { renewal, references, exam } = association;
  if (!isStrictlyIncreasing([...renewal.reminderDaysBefore].reverse())) {
    findings.push({ path: ['renewal', 'reminderDaysBefore'], message: 'must be in decreasing order without repeats' });
  }
  if (renewal.reminderDaysBefore.some((days) => days > renewal.leadDays)) {
    findings.push({ path: ['renewal', 'reminderDaysBefore'], message: 'must not start before leadDays' });
  }
  if (renewal.lateWindowEndMonthDay === renewal.dueMonthDay) {
    findings.push({ path: ['renewal', 'lateWindowEndMonthDay'], message: 'must differ from dueMonthDay' });
  }
  if (!isStrictlyIncreasing(references.reminderDaysAfter)) {
    findings.push({ path: ['references', 'reminderDaysAfter'], message: 'must be in increasing order without repeats' });
  }
  if (references.reminderDaysAfter.some((days) => days >= references.escalationDay)) {
    findings.push({ path: ['references', 'reminderDaysAfter'], message: 'must all come before escalationDay' });
  }
  if (exam.windows !== 'monthly' && !isStrictlyIncreasing(exam.windows)) {
    findings.push({ path: ['exam', 'windows'], message: 'must be in increasing order without repeats' });
  }
  return findings;
}
