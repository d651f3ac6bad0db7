import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, type AppConfig } from '#config';
import { accountLinkToken, raterLinkToken } from '#auth';
import type { Framework, RulesSnapshot } from '#framework';
import type { DeliveryRow, EmailModel } from '#mail';
import { FRAMEWORK } from '#platform';
import { renewalCycle } from '../renewal/renewal-calendar.js';
import { EmailLinks } from './email-links.js';
import { EmailModelsRepository, type ApplicationFacts, type FactsWanted } from './email-models.repository.js';
import { formatCalendarDate, formatDate } from './format-date.js';
import { examApprovalValidity } from '../exam/exam-approval-validity.js';

/**
 * Builds what a message says from the rows it names, at send time: the ledger stores ids, so a
 * retried message says what is true when it goes out.
 */
@Injectable()
export class EmailModelBuilder {
  private readonly links: EmailLinks;

  constructor(
    private readonly emailModels: EmailModelsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {
    this.links = new EmailLinks(config.http.publicBaseUrl);
  }

  /**
   * The models of many deliveries, from one query for all those about an application (account
   * emails read their token row each). A delivery that cannot be built yet gets its Error, not the batch.
   */
  async buildMany(deliveries: readonly DeliveryRow[], now: Date): Promise<(EmailModel | Error)[]> {
    const facts = await this.applicationFacts(deliveries);
    return Promise.all(
      deliveries.map(async (delivery, i) => {
        try {
          const { accountTokenId } = delivery.context as { accountTokenId?: string };
          if (delivery.application_id === null && accountTokenId) return await this.buildForAccount(delivery, accountTokenId);
          if (ACCOUNT_NOTICES.has(delivery.template)) return this.buildForAccountNotice(delivery);
          const app = facts.get(i);
          if (!app) throw new Error(`application ${delivery.application_id} not found`);
          return this.buildForApplication(delivery, app, now);
        } catch (error) {
          return error as Error;
        }
      }),
    );
  }

  /** What the application-bound deliveries name, keyed by their index in `deliveries`. */
  private async applicationFacts(deliveries: readonly DeliveryRow[]): Promise<Map<number, ApplicationFacts>> {
    const wanted = deliveries
      .map((d, i): FactsWanted => {
        const { eventId, attemptNo } = d.context as { eventId?: string; attemptNo?: number };
        return { i, application_id: d.application_id, event_id: eventId ?? null, reference_id: d.reference_id, attempt_no: attemptNo ?? null };
      })
      .filter((d) => d.application_id !== null);
    if (!wanted.length) return new Map();
    const rows = await this.emailModels.applicationFacts(wanted);
    return new Map(rows.map((r) => [r.i, r]));
  }

  private buildForApplication(delivery: DeliveryRow, app: ApplicationFacts, now: Date): EmailModel {
    const ctx = delivery.context as { daysWaiting?: number };
    const association = this.framework.association(app.association_code);
    const tz = association.timeZone;
    const model: EmailModel = {
      association: { code: association.code, name: association.name, contactEmail: association.coordinatorEmail },
      recipient: { name: delivery.recipient_name },
      applicant: { name: app.applicant_name },
      categoryName: app.rules.displayName,
      applicationUrl: this.links.applicationPageFor(delivery.recipient_kind, delivery.template, app.application_id),
      daysWaiting: ctx.daysWaiting,
      examFollows: app.rules.rules.exam !== null && !app.reinstatement,
      registryListed: app.registry_listed,
    };
    if (app.reason) model.reason = app.reason;
    if (app.reference_id) {
      model.rater = { name: app.rater_name!, role: this.roleLabel(app.rules, app.rater_role!) };
      if (delivery.recipient_kind === 'rater') {
        model.referenceUrl = this.links.raterForm(raterLinkToken(this.config.linkSecret, app.reference_id));
        if (app.token_expires_at) model.referenceExpires = formatDate(app.token_expires_at, tz);
      }
    }
    // One email per renewal cycle, however many endorsements it renews (see applicantEmail).
    if (RENEWAL_TEMPLATES.has(delivery.template)) {
      const names = app.cycle_category_names ?? [app.rules.displayName];
      model.endorsements = `${listInWords(names)} ${names.length === 1 ? 'Endorsement' : 'Endorsements'}`;
    }
    switch (delivery.template) {
      case 'references_requested':
        // Who was asked, as the applicant named them (a replaced address keeps name and role).
        model.raters = (app.raters ?? []).map((r) => ({ name: r.raterName, role: this.roleLabel(app.rules, r.role) }));
        break;
      case 'endorsed':
        // The number is issued by a sibling effect of the same transition; wait for it rather than omit it.
        if (!app.endorsement_number) throw new Error('endorsement number not issued yet');
        model.endorsementNumber = app.endorsement_number;
        model.verifyUrl = this.links.verifyEndorsement(app.endorsement_number);
        break;
      // A retake must be booked while the approval to sit is still valid; the date shown is its last day.
      case 'exam_failed_retake':
      case 'exam_approval_reminder':
      case 'exam_approval_expired': {
        const months = app.rules.rules.exam?.approvalValidMonths ?? 12;
        const { expiresAt } = examApprovalValidity(app.exam_approved_at ?? now, months, app.rules.association.timeZone);
        model.dueDate = formatDate(new Date(expiresAt.getTime() - 1), tz);
        break;
      }
      case 'renewal_open':
      case 'renewal_reminder':
      case 'renewed':
        if (!app.renewal_due_on) throw new Error('renewal due date not set yet');
        model.dueDate = formatCalendarDate(app.renewal_due_on, tz);
        break;
      case 'renewal_late_notice': {
        if (!app.renewal_due_on) throw new Error('renewal due date not set yet');
        // The last day of the late window: the instant before the lapse.
        const { lapsesAt } = renewalCycle(app.renewal_due_on, association.renewal, tz);
        model.dueDate = formatDate(new Date(lapsesAt.getTime() - 1), tz);
        break;
      }
      case 'exam_approved':
        model.examWindow = this.nextExamWindow(association.exam.windows, tz, now);
        break;
      case 'exam_registered':
      case 'exam_reminder': {
        const exam = app.rules.rules.exam;
        if (!app.exam_sits_on || !app.candidate_code || !exam) throw new Error('exam attempt not found');
        model.exam = {
          date: formatCalendarDate(app.exam_sits_on, tz),
          online: app.exam_online === true,
          place: app.exam_online ? 'online' : app.exam_location!,
          candidateCode: app.candidate_code,
          part1: `${exam.part1.questions} multiple-choice questions in ${exam.part1.durationMinutes} minutes`,
          part2: `written answers to ${exam.part2.vignettesToAnswer} of ${exam.part2.vignettesOffered} short case examples in ${exam.part2.durationMinutes} minutes`,
        };
        break;
      }
    }
    return model;
  }

  /**
   * An email about an account (invitation, password reset): no application, so the application
   * fields every model has are neutral (the portal's address) and the templates do not show them.
   * The link is derived again from the token row's id; only its hash was stored.
   */
  private async buildForAccount(delivery: DeliveryRow, accountTokenId: string): Promise<EmailModel> {
    const row = await this.emailModels.accountTokenFacts(accountTokenId);
    if (!row) throw new Error(`account token ${accountTokenId} not found`);
    const sender = this.senderFor(row.association_code);
    const page = row.purpose === 'staff_invitation' ? 'accept-invitation' : 'reset-password';
    return {
      ...this.aboutAccount(delivery, sender),
      accountUrl: this.links.accountPage(page, accountLinkToken(this.config.linkSecret, row.id)),
      accountLinkExpires: formatDateTime(row.expires_at, sender.timeZone),
      staffRoles: listInWords(row.roles.filter((r) => r !== 'applicant').map((r) => r.replace('_', ' '))),
    };
  }

  /**
   * A notice about an account that carries no link secret (someone tried to register the owner's
   * address; the password was changed): from the association in its context, linking to the portal.
   */
  private buildForAccountNotice(delivery: DeliveryRow): EmailModel {
    const { associationCode } = delivery.context as { associationCode: string | null };
    return this.aboutAccount(delivery, this.senderFor(associationCode));
  }

  /** An account of no one association (an Alliance-wide administrator) hears from the Alliance. */
  private senderFor(associationCode: string | null): { code: string; name: string; coordinatorEmail?: string; timeZone: string } {
    const { alliance } = this.framework;
    return associationCode
      ? this.framework.association(associationCode)
      : { code: 'Alliance', name: alliance.name, coordinatorEmail: undefined, timeZone: alliance.timeZone };
  }

  /** An email about an account rather than an application: the portal's address stands for the application's. */
  private aboutAccount(delivery: DeliveryRow, sender: { code: string; name: string; coordinatorEmail?: string }): EmailModel {
    return {
      association: { code: sender.code, name: sender.name, contactEmail: sender.coordinatorEmail },
      recipient: { name: delivery.recipient_name },
      applicant: { name: delivery.recipient_name },
      categoryName: 'Endorsement',
      applicationUrl: this.links.home(),
    };
  }

  private roleLabel(rules: RulesSnapshot, role: string): string {
    return rules.rules.references.roles.find((r) => r.code === role)?.label ?? role;
  }

  private nextExamWindow(windows: 'monthly' | readonly number[], timeZone: string, now: Date): string {
    const { month, year } = DateTime.fromJSDate(now, { zone: timeZone });
    const months = windows === 'monthly' ? [(month % 12) + 1] : [...windows];
    const next = months.find((m) => m > month) ?? months[0];
    const nextYear = next > month ? year : year + 1;
    return DateTime.utc(nextYear, next, 15).setLocale('en-GB').toLocaleString({ month: 'long', year: 'numeric' });
  }
}

const RENEWAL_TEMPLATES = new Set(['renewal_open', 'renewal_reminder', 'renewal_late_notice', 'renewed', 'lapsed']);
// Emails about an account with no link secret; their context names the association they come from.
const ACCOUNT_NOTICES = new Set(['registration_attempt', 'password_changed']);

/** "reviewer", "reviewer and exam reviewer", "coordinator, reviewer and exam reviewer". */
function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "15 January 2027, 10:30 (Australia/Perth)": a link valid for an hour needs the time, and whose time. */
function formatDateTime(at: Date, timeZone: string): string {
  const text = DateTime.fromJSDate(at, { zone: timeZone })
    .setLocale('en-GB')
    .toLocaleString({ day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${text} (${timeZone})`;
}
