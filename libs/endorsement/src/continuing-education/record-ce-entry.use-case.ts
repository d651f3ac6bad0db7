import { Inject, Injectable } from '@nestjs/common';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK, ProblemException } from '#platform';
import { CeEntriesRepository } from './ce-entries.repository.js';
import type { CeEntryView, NewCeEntry } from './ce-entry.view.js';

export type RecordCeEntryCommand = NewCeEntry;

/** An endorsee logs a training or RSC hours; it counts towards renewal once staff approve it. */
@Injectable()
export class RecordCeEntry {
  constructor(
    private readonly ceEntries: CeEntriesRepository,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: RecordCeEntryCommand): Promise<CeEntryView> {
    const now = this.clock.now();
    const known = new Set(this.framework.competencyDomains.flatMap((d) => d.areas.map((a) => a.code)));
    const unknown = command.competencyAreas.filter((code) => !known.has(code));
    if (unknown.length) {
      throw new ProblemException(
        422,
        'unknown_competency_area',
        'Unknown competency area',
        `These are not competency areas of the framework: ${unknown.join(', ')}.`,
        { unknown },
      );
    }
    // Local calendars run at most 14 hours ahead of UTC: a date later than that has not happened anywhere yet.
    if (command.completedOn > new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10)) {
      throw new ProblemException(422, 'completed_in_future', 'The date is in the future', 'Log a training once you have completed it.');
    }
    const entry = await this.ceEntries.insertIfEndorsed(command, now);
    if (!entry) {
      throw new ProblemException(
        409,
        'not_endorsed',
        'No endorsement to renew',
        'Continuing education is logged for renewing an endorsement; you hold none yet.',
      );
    }
    return entry;
  }
}
