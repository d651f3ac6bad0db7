import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
import { findOwnApplication } from '../applications/own-application.js';
import { bookExamSeat, type ExamSeat } from './book-exam-seat.js';

export interface RegisterForExamCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  windowId: string;
  retakeRequest?: string;
}

/** An applicant approved to sit the exam registers their application for a sitting. */
@Injectable()
export class RegisterForExam {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  execute(command: RegisterForExamCommand): Promise<ExamSeat> {
    return this.dataSource.transaction(async (manager) => {
      const app = await findOwnApplication(manager, command.caller.personId, command.applicationId, true);
      return bookExamSeat(manager, app, { windowId: command.windowId, retakeRequest: command.retakeRequest, bookedBy: command.caller.id }, this.clock.now());
    });
  }
}
