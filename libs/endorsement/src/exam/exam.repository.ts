import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ExamRules, RulesSnapshot } from '#framework';
import type { ApplicationState } from '#workflow';
import type { ExamPaperView } from './exam-paper.view.js';
import type { ExamWindowView } from './exam-window.view.js';

/** The most sittings one staff listing returns. */
const MAX_WINDOWS = 200;

/** How many expired approvals one read of the sweep returns: fewer means there are no more. */
export const EXPIRED_APPROVALS_BATCH = 500;

/**
 * Columns for ExamWindowView from `exam_windows w`. A seat is taken by an attempt already decided or
 * by an application still headed for the exam: a withdrawn or denied applicant's seat is free again.
 */
const EXAM_WINDOW_COLUMNS = `w.id, w.association_code AS "associationCode", to_char(w.sits_on, 'YYYY-MM-DD') AS "sitsOn",
  to_char(w.registration_closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "registrationClosesAt", w.online, w.location, w.capacity,
  w.capacity - (SELECT count(*)::int FROM exam_attempts x JOIN applications a ON a.id = x.application_id
                 WHERE x.window_id = w.id AND (x.decided_at IS NOT NULL OR a.state IN ('exam', 'on_hold'))) AS "seatsLeft"`;

/**
 * Open papers (undecided, application still in the exam) in scope: $1 the caller's association (null:
 * all), $2 the caller's account (their own score), $3 their person (their own paper is never theirs
 * to see or score).
 */
const OPEN_PAPERS = `
  SELECT x.id AS "paperId", x.candidate_code AS "candidateCode", a.rules->>'displayName' AS category,
         json_build_object('id', w.id, 'sitsOn', to_char(w.sits_on, 'YYYY-MM-DD'), 'online', w.online, 'location', w.location) AS window,
         json_build_object('recorded', x.part1_percent IS NOT NULL) AS part1,
         json_build_object('scoresIn', (SELECT count(*) FROM exam_part2_scores s WHERE s.attempt_id = x.id),
                           'scoresNeeded', (a.rules #>> '{rules,exam,part2,blindReviewers}')::int,
                           'yourScore', (SELECT s.percent FROM exam_part2_scores s WHERE s.attempt_id = x.id AND s.reviewer_id = $2)) AS part2
    FROM exam_attempts x JOIN applications a ON a.id = x.application_id JOIN exam_windows w ON w.id = x.window_id
   WHERE x.decided_at IS NULL AND a.state = 'exam' AND ($1::text IS NULL OR a.association_code = $1) AND a.applicant_id <> $3`;

/** Who reads the open papers: their association (null: all), account and person. */
export interface PaperReader {
  associationCode: string | null;
  accountId: string;
  personId: string;
}

export interface NewExamWindow {
  associationCode: string;
  sitsOn: string;
  registrationClosesAt: Date;
  online: boolean;
  location: string | null;
  capacity: number;
  createdBy: string;
}

/** What booking a seat reads of the application, locked by the caller's transaction. */
export interface SeatApplication {
  id: string;
  state: ApplicationState;
  association_code: string;
  rules: RulesSnapshot;
  exam_approved_at: Date | null;
}

/** A sitting being booked, and whether its registration is still open. */
export type BookableWindow = ExamWindowView & { open: boolean };

/** An application's latest attempt, as a new registration weighs it. */
export interface LastAttempt {
  attempt_no: number;
  decided: boolean;
  sat_on: string | null;
}

export interface NewAttempt {
  applicationId: string;
  attemptNo: number;
  windowId: string;
  sitsOn: string;
  registeredBy: string;
  retakeRequest: string | null;
  createdAt: Date;
}

/** An open paper being scored, locked until the scorer's transaction ends. */
export interface OpenPaper {
  id: string;
  application_id: string;
  part1: number | null;
  sits_on: string;
  rules: RulesSnapshot;
}

/** An application whose approval to sit ran out with no sitting pending, and what its rules do then. */
export interface ExpiredApproval {
  id: string;
  version: number;
  action: ExamRules['approvalExpiry']['action'];
}

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
 * the exam's reads of the applications and people they belong to. Two statements on `applications`
 * live here because only the exam uses them: the write of its exam column (exam_approved_at) and the
 * expiry sweep's read of it.
 */
@Injectable()
export class ExamRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertWindow(window: NewExamWindow, now: Date): Promise<ExamWindowView> {
    const [created] = await this.dataSource.query<ExamWindowView[]>(
      `WITH w AS (
         INSERT INTO exam_windows (association_code, sits_on, registration_closes_at, online, location, capacity, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *)
       SELECT ${EXAM_WINDOW_COLUMNS} FROM w`,
      [window.associationCode, window.sitsOn, window.registrationClosesAt, window.online, window.location, window.capacity, window.createdBy, now],
    );
    return created;
  }

  /** Staff: the sittings of an association (null: all), on or after `from` when given, soonest first. */
  async listWindows(associationCode: string | null, from: string | null): Promise<ExamWindowView[]> {
    return this.dataSource.query<ExamWindowView[]>(
      `SELECT ${EXAM_WINDOW_COLUMNS} FROM exam_windows w
        WHERE ($1::text IS NULL OR w.association_code = $1) AND ($2::date IS NULL OR w.sits_on >= $2::date)
        ORDER BY w.sits_on, w.id LIMIT ${MAX_WINDOWS}`,
      [associationCode, from],
    );
  }

  /** Applicants: the sittings of their association still open for registration with a seat left. */
  async listOpenWindows(associationCode: string | null, now: Date): Promise<ExamWindowView[]> {
    return this.dataSource.query<ExamWindowView[]>(
      `SELECT * FROM (SELECT ${EXAM_WINDOW_COLUMNS} FROM exam_windows w WHERE w.association_code = $1 AND w.registration_closes_at > $2) open
        WHERE open."seatsLeft" > 0 ORDER BY open."sitsOn", open.id`,
      [associationCode, now],
    );
  }

  /**
   * Approval to sit: an exam column of the application, set in the approval's transaction; returns what
   * booking a seat reads of it.
   */
  async markApprovedToSit(applicationId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<SeatApplication> {
    const [[app]] = await manager.query<[SeatApplication[], number]>(
      `UPDATE applications SET exam_approved_at = $2 WHERE id = $1 RETURNING id, state, association_code, rules, exam_approved_at`,
      [applicationId, now],
    );
    return app;
  }

  /**
   * Locks a sitting of the association until the booking's transaction ends, so two registrations
   * cannot take the last seat together. False when there is no such sitting.
   */
  async lockWindow(windowId: string, associationCode: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const locked = await manager.query<unknown[]>(`SELECT id FROM exam_windows WHERE id = $1 AND association_code = $2 FOR UPDATE`, [
      windowId,
      associationCode,
    ]);
    return locked.length > 0;
  }

  /**
   * A sitting as booking sees it. Read after lockWindow, in a statement of its own: its snapshot then
   * sees the seats taken by whoever held the lock before (a count inside the locking statement would not).
   */
  async findBookableWindow(windowId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<BookableWindow> {
    const [window] = await manager.query<BookableWindow[]>(
      `SELECT ${EXAM_WINDOW_COLUMNS}, w.registration_closes_at > $2 AS open FROM exam_windows w WHERE w.id = $1`,
      [windowId, now],
    );
    return window;
  }

  async findLastAttempt(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<LastAttempt | undefined> {
    const [last] = await manager.query<LastAttempt[]>(
      `SELECT attempt_no, decided_at IS NOT NULL AS decided, to_char(sat_on, 'YYYY-MM-DD') AS sat_on
         FROM exam_attempts WHERE application_id = $1 ORDER BY attempt_no DESC LIMIT 1`,
      [applicationId],
    );
    return last;
  }

  async insertAttempt(attempt: NewAttempt, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; candidate_code: string }> {
    const [created] = await manager.query<{ id: string; candidate_code: string }[]>(
      `INSERT INTO exam_attempts (application_id, attempt_no, window_id, sat_on, registered_by, retake_request, created_at)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7) RETURNING id, candidate_code`,
      [attempt.applicationId, attempt.attemptNo, attempt.windowId, attempt.sitsOn, attempt.registeredBy, attempt.retakeRequest, attempt.createdAt],
    );
    return created;
  }

  /** Where the seat's email goes: the application's applicant. */
  async findApplicant(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<{ email: string; full_name: string }> {
    const [applicant] = await manager.query<{ email: string; full_name: string }[]>(
      `SELECT p.email, p.full_name FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`,
      [applicationId],
    );
    return applicant;
  }

  /** The open papers the reader may see, oldest sitting first, after the paper `after` (keyset: sitting date, then id). */
  async listOpenPapers(reader: PaperReader, after: string | null, limit: number): Promise<ExamPaperView[]> {
    return this.dataSource.query<ExamPaperView[]>(
      `${OPEN_PAPERS}
         AND ($4::uuid IS NULL OR (w.sits_on, x.id) > (SELECT cw.sits_on, cx.id FROM exam_attempts cx JOIN exam_windows cw ON cw.id = cx.window_id WHERE cx.id = $4))
       ORDER BY w.sits_on, x.id LIMIT $5`,
      [reader.associationCode, reader.accountId, reader.personId, after, limit],
    );
  }

  async findOpenPaper(reader: PaperReader, paperId: string): Promise<ExamPaperView | undefined> {
    const [paper] = await this.dataSource.query<ExamPaperView[]>(`${OPEN_PAPERS} AND x.id = $4`, [
      reader.associationCode,
      reader.accountId,
      reader.personId,
      paperId,
    ]);
    return paper;
  }

  /**
   * The open paper in scope of an association (null: all) that is not the person's own. Locking it
   * serialises its scorers, so the last score in decides once.
   */
  async lockOpenPaper(
    paperId: string,
    associationCode: string | null,
    personId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OpenPaper | undefined> {
    const [paper] = await manager.query<OpenPaper[]>(
      `SELECT x.id, x.application_id, x.part1_percent::float8 AS part1, to_char(w.sits_on, 'YYYY-MM-DD') AS sits_on, a.rules
       FROM exam_attempts x JOIN applications a ON a.id = x.application_id JOIN exam_windows w ON w.id = x.window_id
      WHERE x.id = $1 AND x.decided_at IS NULL AND a.state = 'exam' AND ($2::text IS NULL OR a.association_code = $2) AND a.applicant_id <> $3
        FOR UPDATE OF x`,
      [paperId, associationCode, personId],
    );
    return paper;
  }

  /** Records part 1; returns it as stored (rounded), the value the decision and the guards read. */
  async recordPart1(attemptId: string, percent: number, recordedBy: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [[row]] = await manager.query<[{ part1: number }[], number]>(
      `UPDATE exam_attempts SET part1_percent = $2, part1_recorded_by = $3, part1_recorded_at = $4 WHERE id = $1 RETURNING part1_percent::float8 AS part1`,
      [attemptId, percent, recordedBy, now],
    );
    return row.part1;
  }

  /**
   * How many part 2 scores the attempt has and whether the reviewer gave one. Read after the paper's
   * lock, in a statement of its own, so it sees the scores of whoever held it before.
   */
  async countPart2Scores(attemptId: string, reviewerId: string, manager: EntityManager = this.dataSource.manager): Promise<{ n: number; mine: boolean }> {
    const [scored] = await manager.query<{ n: number; mine: boolean }[]>(
      `SELECT count(*)::int AS n, coalesce(bool_or(reviewer_id = $2), false) AS mine FROM exam_part2_scores WHERE attempt_id = $1`,
      [attemptId, reviewerId],
    );
    return scored;
  }

  async insertPart2Score(attemptId: string, reviewerId: string, percent: number, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`INSERT INTO exam_part2_scores (attempt_id, reviewer_id, percent, scored_at) VALUES ($1, $2, $3, $4)`, [
      attemptId,
      reviewerId,
      percent,
      now,
    ]);
  }

  /** The attempt's part 2 scores: how many, and their mean rounded as it is stored. */
  async part2Mean(attemptId: string, manager: EntityManager = this.dataSource.manager): Promise<{ n: number; mean: number | null }> {
    const [scores] = await manager.query<{ n: number; mean: number | null }[]>(
      `SELECT count(*)::int AS n, round(avg(percent), 2)::float8 AS mean FROM exam_part2_scores WHERE attempt_id = $1`,
      [attemptId],
    );
    return scores;
  }

  async markDecided(attemptId: string, part2: number, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE exam_attempts SET part2_percent = $2, decided_at = $3 WHERE id = $1`, [attemptId, part2, now]);
  }

  /**
   * The applications (after id `after`, at most EXPIRED_APPROVALS_BATCH) approved to sit whose approval
   * ran out by `now`, by their pinned rules on their association's calendar, with no sitting awaiting
   * its result. The date arithmetic mirrors examApprovalValidity (PostgreSQL clamps month ends the same way).
   */
  async findExpiredApprovals(now: Date, after: string): Promise<ExpiredApproval[]> {
    return this.dataSource.query<ExpiredApproval[]>(
      `SELECT a.id, a.version, a.rules->'rules'->'exam'->'approvalExpiry'->>'action' AS action
           FROM applications a
          WHERE a.state = 'exam' AND a.exam_approved_at IS NOT NULL AND a.id > $2
            AND (((a.exam_approved_at AT TIME ZONE (a.rules->'association'->>'timeZone'))::date
                  + make_interval(months => (a.rules->'rules'->'exam'->>'approvalValidMonths')::int))::date::timestamp
                 AT TIME ZONE (a.rules->'association'->>'timeZone')) <= $1
            AND NOT EXISTS (SELECT 1 FROM exam_attempts x WHERE x.application_id = a.id AND x.decided_at IS NULL)
          ORDER BY a.id LIMIT ${EXPIRED_APPROVALS_BATCH}`,
      [now, after],
    );
  }

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
