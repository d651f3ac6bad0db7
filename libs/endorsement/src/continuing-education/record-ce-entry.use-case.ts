import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK, ProblemException } from '#platform';
import { CE_ENTRY_COLUMNS, type CeEntryView } from './ce-entry.view.js';

/** What an endorsee logs: the entry as they see it, before review. */
export type RecordCeEntryCommand = Pick<CeEntryView, 'kind' | 'title' | 'provider' | 'completedOn' | 'hours' | 'dei' | 'aboutRsc' | 'competencyAreas'> & { personId: string };

/** An endorsee logs a training or RSC hours; it counts towards renewal once staff approve it. */
@Injectable()
export class RecordCeEntry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: RecordCeEntryCommand): Promise<CeEntryView> {
    const now = this.clock.now();
    const known = new Set(this.framework.competencyDomains.flatMap((d) => d.areas.map((a) => a.code)));
    const unknown = command.competencyAreas.filter((code) => !known.has(code));
    if (unknown.length) {
      throw new ProblemException(422, 'unknown_competency_area', 'Unknown competency area', `These are not competency areas of the framework: ${unknown.join(', ')}.`, { unknown });
    }
    // Local calendars run at most 14 hours ahead of UTC: a date later than that has not happened anywhere yet.
    if (command.completedOn > new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10)) {
      throw new ProblemException(422, 'completed_in_future', 'The date is in the future', 'Log a training once you have completed it.');
    }
    const [entry] = await this.dataSource.query<CeEntryView[]>(
      `WITH c AS (
         INSERT INTO ce_entries (person_id, kind, title, provider, completed_on, hours, dei, about_rsc, competency_areas, created_at)
         SELECT $1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10
          WHERE EXISTS (SELECT 1 FROM applications WHERE applicant_id = $1 AND state IN ('endorsed', 'renewal_due', 'lapsed'))
         RETURNING *)
       SELECT ${CE_ENTRY_COLUMNS} FROM c`,
      [command.personId, command.kind, command.title, command.provider, command.completedOn, command.hours, command.dei, command.aboutRsc, command.competencyAreas, now],
    );
    if (!entry) {
      throw new ProblemException(409, 'not_endorsed', 'No endorsement to renew', 'Continuing education is logged for renewing an endorsement; you hold none yet.');
    }
    return entry;
  }
}
