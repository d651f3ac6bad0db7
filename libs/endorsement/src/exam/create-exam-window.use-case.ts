import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { staffAssociation } from '../staff/staff-scope.js';
import type { ExamWindowView } from './exam-window.view.js';
import { ExamProblems } from './exam.problems.js';
import { ExamRepository } from './exam.repository.js';
import { localDate } from './local-date.js';

export interface CreateExamWindowCommand {
  caller: AuthenticatedAccount;
  /** Required of an Alliance-wide administrator; others create windows of their own association. */
  associationCode?: string;
  sitsOn: string;
  registrationClosesAt: Date;
  online: boolean;
  location?: string;
  capacity: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A coordinator or administrator offers a sitting, in a month the association's exam rules name. */
@Injectable()
export class CreateExamWindow {
  constructor(
    private readonly exams: ExamRepository,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: CreateExamWindowCommand): Promise<ExamWindowView> {
    const code = staffAssociation(command.caller, command.associationCode);
    if (code === null || !this.framework.associations.has(code)) throw ExamProblems.windowAssociationRequired();
    const association = this.framework.association(code);
    const { windows } = association.exam;
    if (windows !== 'monthly' && !windows.includes(Number(command.sitsOn.slice(5, 7)))) {
      throw ExamProblems.monthNotOffered(windows.map((m) => MONTHS[m - 1]).join(' and '));
    }
    const now = this.clock.now();
    if (command.sitsOn <= localDate(now, association.timeZone)) throw ExamProblems.datesOutOfOrder('The sitting must be after today.');
    if (command.registrationClosesAt <= now || localDate(command.registrationClosesAt, association.timeZone) >= command.sitsOn) {
      throw ExamProblems.datesOutOfOrder('Registration must close in the future and before the day of the sitting.');
    }
    const { sitsOn, registrationClosesAt, online, capacity } = command;
    return this.exams.insertWindow(
      { associationCode: code, sitsOn, registrationClosesAt, online, location: command.location ?? null, capacity, createdBy: command.caller.id },
      now,
    );
  }
}
