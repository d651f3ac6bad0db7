import type { CategoryDefinition } from '../framework.types.js';
import type { Association } from '../schema/association.schema.js';
import type { Finding } from './data-problems.js';

function isStrictlyIncreasing(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value > values[i - 1]);
}

/** Checks an association's data against itself and its file name. */
export function checkAssociation(association: Association, stem: string): Finding[] {
  const findings: Finding[] = [];
  if (association.code.toLowerCase() !== stem) {
    const expected = `${association.code.toLowerCase()}.yaml`;
    findings.push({ path: ['code'], message: `must match the file name (expected the file ${expected})` });
  }
  if (Object.keys(association.categories).length === 0) {
    findings.push({ path: ['categories'], message: 'must offer at least one category' });
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
    const message = 'must be in increasing order without repeats';
    findings.push({ path: ['references', 'reminderDaysAfter'], message });
  }
  if (references.reminderDaysAfter.some((days) => days >= references.escalationDay)) {
    findings.push({ path: ['references', 'reminderDaysAfter'], message: 'must all come before escalationDay' });
  }
  if (exam.windows !== 'monthly' && !isStrictlyIncreasing(exam.windows)) {
    findings.push({ path: ['exam', 'windows'], message: 'must be in increasing order without repeats' });
  }
  return findings;
}

/** Every category (and track) an association offers exists in the framework. */
export function checkOfferedCategories(association: Association, categories: readonly CategoryDefinition[]): Finding[] {
  const findings: Finding[] = [];
  for (const [code, offered] of Object.entries(association.categories)) {
    const category = categories.find((c) => c.code === code);
    if (!category) {
      findings.push({
        path: ['categories', code],
        message: `is not a category of the framework (${categories.map((c) => c.code).join(', ')})`,
      });
      continue;
    }
    const trackCodes = category.tracks.map((t) => t.code);
    for (const track of Object.keys(offered.tracks ?? {}).filter((t) => !trackCodes.includes(t))) {
      findings.push({
        path: ['categories', code, 'tracks', track],
        message: trackCodes.length ? `is not a track of ${code} (${trackCodes.join(', ')})` : `is not a track: ${code} has no tracks`,
      });
    }
  }
  return findings;
}
