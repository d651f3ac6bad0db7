import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { OutboxNotifier } from '#db';
import { Clock } from '#platform';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import type { TransitionResult } from '../transition/transition.command.js';
import { decideExamAttempt } from './decide-exam-attempt.js';
import { ExamProblems } from './exam.problems.js';
import { ExamRepository } from './exam.repository.js';
import { lockOpenPaper } from './lock-open-paper.js';
import { recordOnPaper } from './record-on-paper.js';

export interface RecordPart1Command {
  caller: AuthenticatedAccount;
  paperId: string;
  percent: number;
}

/** A coordinator or exam reviewer records the multiple-choice result of a paper, once. */
@Injectable()
export class RecordPart1 {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exams: ExamRepository,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordPart1Command): Promise<{ paperId: string; decided: boolean }> {
    const now = this.clock.now();
    const decided = await recordOnPaper(this.dataSource, this.outbox, (manager) => this.record(manager, command, now));
    return { paperId: command.paperId, decided };
  }

  private async record(manager: EntityManager, command: RecordPart1Command, now: Date): Promise<TransitionResult | null> {
    const paper = await lockOpenPaper(this.exams, manager, command.caller, command.paperId, now);
    if (paper.part1 !== null) throw ExamProblems.part1AlreadyRecorded();
    const part1 = await this.exams.recordPart1(paper.id, command.percent, command.caller.id, now, manager);
    return decideExamAttempt(this.exams, manager, this.transition, { ...paper, part1 }, now);
  }
}
