import type { INestApplication } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { OutboxNotifier } from '#db';
import {
  ApplicationsRepository,
  examApprovalValidity,
  planApprovalReminders,
  ReferencesRepository,
  ReinstateEndorsement,
  RemindersRepository,
  SweepExamApprovals,
  TransitionApplication,
} from '#endorsement';
import type { Association, Framework, RulesSnapshot } from '#framework';
import { Clock, ProblemException } from '#platform';
import type { SimulationCheck } from './check-simulation.js';

// An approval to sit given this long before the run starts runs out this many days into it.
const EXPIRES_AFTER_DAYS = 40;

/**
 * Two applications that once got stuck, lived through the simulated clock: an endorsement lapsed
 * before the run that is reinstated on the first morning (first naming one rater, which is refused,
 * then one per reference role), and an approval to sit the exam that runs out unused during the run
 * (its reminders, then the expiry sweep). Neither is an endorsement the renewal checks look at.
 */
export class StuckCases {
  private lapsedId = '';
  private approvedId = '';
  private expiresAt!: Date;
  private refusedShort: string | null = null;

  constructor(
    private readonly worker: () => INestApplication,
    private readonly framework: Framework,
    private readonly association: Association,
  ) {}

  private get ds(): DataSource {
    return this.worker().get(DataSource);
  }

  /** Inserts both applications (setup, not transitions) and the approval's reminders as ApproveExam plans them. */
  async seed(start: Date): Promise<void> {
    const code = this.association.code;
    const lapsed = this.framework.rulesSnapshot(code, 'IFA');
    this.lapsedId = await this.insert(lapsed, 'IFA', 'lapsed', 'reinstating');
    const examRules = this.framework.rulesSnapshot(code, 'IMHS');
    const approvedAt = DateTime.fromJSDate(start).minus({ months: examRules.rules.exam!.approvalValidMonths }).plus({ days: EXPIRES_AFTER_DAYS }).toJSDate();
    this.approvedId = await this.insert(examRules, 'IMHS', 'exam', 'unbooked');
    await this.ds.query(`UPDATE applications SET exam_approved_at = $2 WHERE id = $1`, [this.approvedId, approvedAt]);
    await planApprovalReminders(this.worker().get(RemindersRepository), { id: this.approvedId, rules: examRules }, approvedAt);
    this.expiresAt = examApprovalValidity(approvedAt, examRules.rules.exam!.approvalValidMonths, this.association.timeZone).expiresAt;
  }

  /** At each step: the expiry sweep (as twice at once, as on two workers); on the first morning, the reinstatement. */
  async step(morning: boolean): Promise<number> {
    const sweep = this.worker().get(SweepExamApprovals);
    const [a, b] = await Promise.all([sweep.execute(), sweep.execute()]);
    if (!morning || this.refusedShort !== null) return a + b;
    const worker = this.worker();
    const reinstate = new ReinstateEndorsement(
      this.ds,
      worker.get(ApplicationsRepository),
      worker.get(ReferencesRepository),
      worker.get(TransitionApplication),
      worker.get(OutboxNotifier, { strict: false }),
      worker.get(Clock),
    );
    const [personId] = await this.ds.query<{ applicant_id: string }[]>(`SELECT applicant_id FROM applications WHERE id = $1`, [this.lapsedId]);
    const roles = this.framework.rulesSnapshot(this.association.code, 'IFA').rules.references.roles;
    const references = roles.map((role, i) => ({
      raterName: `Rater ${i + 1}`,
      raterEmail: `rater-${i + 1}-reinstating@simulation.example`,
      role: role.code,
      waivedAccess: false,
    }));
    const command = { personId: personId.applicant_id, applicationId: this.lapsedId };
    this.refusedShort = await reinstate.execute({ ...command, references: references.slice(0, 1) }).then(
      () => 'accepted',
      (error: unknown) => (error instanceof ProblemException ? error.code : String(error)),
    );
    await reinstate.execute({ ...command, references });
    return 1 + a + b;
  }

  async check(lastStep: Date): Promise<SimulationCheck[]> {
    const [lapsed] = await this.ds.query<{ state: string; reinstatement: boolean; requested: number; request_emails: number }[]>(
      `SELECT a.state, a.reinstatement, (SELECT count(*)::int FROM application_references r WHERE r.application_id = a.id AND r.revoked_at IS NULL) AS requested,
              (SELECT count(*)::int FROM email_deliveries d WHERE d.application_id = a.id AND d.template = 'reference_request') AS request_emails
         FROM applications a WHERE a.id = $1`,
      [this.lapsedId],
    );
    const roles = this.framework.rulesSnapshot(this.association.code, 'IFA').rules.references.roles.length;
    const [approval] = await this.ds.query<
      { state: string; events: { event: string; role: string; at: string }[] | null; emails: Record<string, number> | null }[]
    >(
      `SELECT a.state, (SELECT json_agg(json_build_object('event', e.event, 'role', e.actor_role, 'at', e.occurred_at)) FROM application_events e WHERE e.application_id = a.id) AS events,
              (SELECT json_object_agg(t.template, t.n) FROM (SELECT template, count(*)::int AS n FROM email_deliveries WHERE application_id = a.id GROUP BY template) t) AS emails
         FROM applications a WHERE a.id = $1`,
      [this.approvedId],
    );
    const expiries = (approval.events ?? []).filter((e) => e.event === 'expire_exam_approval');
    const emails = approval.emails ?? {};
    const reminders = this.framework.rulesSnapshot(this.association.code, 'IMHS').rules.exam!.approvalExpiry.reminderDaysBefore.length;
    const due = this.expiresAt <= lastStep;
    return [
      {
        name: 'a reinstatement short of raters is refused; with one per role it waits for them',
        ok:
          this.refusedShort === 'reinstatement_references_missing' &&
          lapsed.state === 'reference_checks' &&
          lapsed.reinstatement &&
          lapsed.requested === roles &&
          lapsed.request_emails === roles,
        detail: `short: ${this.refusedShort}; then ${lapsed.state}, ${lapsed.requested} of ${roles} references requested, ${lapsed.request_emails} emailed`,
      },
      {
        name: 'an unused approval to sit: reminded, then closed once by the sweep and told',
        ok: due
          ? approval.state === 'denied' &&
            expiries.length === 1 &&
            expiries[0].role === 'system' &&
            new Date(expiries[0].at) >= this.expiresAt &&
            emails.exam_approval_reminder === reminders &&
            emails.exam_approval_expired === 1
          : approval.state === 'exam' && expiries.length === 0,
        detail: `expires ${this.expiresAt.toISOString()}: ${approval.state}, ${expiries.length} expiry event(s) ${expiries.map((e) => `${e.role} ${e.at}`).join(' ')}, emails ${JSON.stringify(emails)}`,
      },
    ];
  }

  private async insert(snapshot: RulesSnapshot, category: string, state: string, name: string): Promise<string> {
    const code = this.association.code;
    const [person] = await this.ds.query<{ id: string }[]>(`INSERT INTO people (association_code, email, full_name) VALUES ($1, $2, $3) RETURNING id`, [
      code,
      `${name}-${code.toLowerCase()}@simulation.example`,
      `Simulated ${name}`,
    ]);
    const [app] = await this.ds.query<{ id: string }[]>(
      `INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, '{"references": []}', now(), now(), now()) RETURNING id`,
      [code, person.id, category, state, snapshot.version, snapshot],
    );
    return app.id;
  }
}
