import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The sitting booked for an application's current attempt, with the code its candidate writes on the papers. */
export interface BookedSitting {
  /** A calendar date (YYYY-MM-DD). */
  sitsOn: string;
  online: boolean;
  location: string | null;
  candidateCode: string;
}

/**
 * The exam: sittings (exam_windows), attempts and their scores (exam_attempts, exam_part2_scores), and
 * the exam's reads of the applications and people they belong to.
 */
@Injectable()
export class ExamRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The sitting of the application's latest attempt still awaiting its result; undefined when none is booked. */
  async findBookedSitting(applicationId: string): Promise<BookedSitting | undefined> {
    const [sitting] = await this.dataSource.query<BookedSitting[]>(
      `SELECT to_char(x.sat_on, 'YYYY-MM-DD') AS "sitsOn", w.online, w.location, x.candidate_code AS "candidateCode"
       FROM exam_attempts x JOIN exam_windows w ON w.id = x.window_id
      WHERE x.application_id = $1 AND x.decided_at IS NULL ORDER BY x.attempt_no DESC LIMIT 1`,
      [applicationId],
    );
    return sitting;
  }
}
