import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
import { applicationNotFound } from '../applications/application-not-found.js';
import { ApplicationsRepository } from '../applications/applications.repository.js';
import { BookExamSeat, type ExamSeat } from './book-exam-seat.js';
import { EmailHandover } from '../notifications/email-handover.js';
import { ExamSeatEmail } from './exam-seat-email.js';

export interface RegisterForExamCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  windowId: string;
  retakeRequest?: string;
}

/** An applicant approved to sit the exam registers their application for a sitting, and is emailed the details. */
@Injectable()
export class RegisterForExam {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly bookSeat: BookExamSeat,
    private readonly seatEmail: ExamSeatEmail,
    private readonly emails: EmailHandover,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterForExamCommand): Promise<ExamSeat> {
    const now = this.clock.now();
    const { seat, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      const app = await this.applications.findOwnForUpdate(command.caller.personId, command.applicationId, manager);
      if (!app) throw applicationNotFound();
      const seat = await this.bookSeat.executeIn(
        manager,
        app,
        { windowId: command.windowId, retakeRequest: command.retakeRequest, bookedBy: command.caller.id },
        now,
      );
      return { seat, deliveryIds: await this.seatEmail.recordIn(manager, app.id, seat.attemptNo, now) };
    });
    await this.emails.send(deliveryIds);
    return seat;
  }
}
