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

export interface RecordPart2ScoreCommand {
  caller: AuthenticatedAccount;
  paperId: string;
  percent: number;
}

/** An exam reviewer scores part 2 of a paper blind: once per reviewer, as many reviewers as the rules ask. */
@Injectable()
export class RecordPart2Score {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exams: ExamRepository,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordPart2ScoreCommand): Promise<{ paperId: string; decided: boolean }> {
    const now = this.clock.now();
    const decided = await recordOnPaper(this.dataSource, this.outbox, (manager) => this.score(manager, command, now));
    return { paperId: command.paperId, decided };
  }

  private async score(manager: EntityManager, command: RecordPart2ScoreCommand, now: Date): Promise<TransitionResult | null> {
    const paper = await lockOpenPaper(this.exams, manager, command.caller, command.paperId, now);
    // Read after the paper's lock, in statements of their own, so they see the scores of whoever held it before.
    const scored = await this.exams.countPart2Scores(paper.id, command.caller.id, manager);
    if (scored.mine) throw ExamProblems.alreadyScored();
    if (scored.n >= paper.rules.rules.exam!.part2.blindReviewers) throw ExamProblems.part2Complete();
    await this.exams.insertPart2Score(paper.id, command.caller.id, command.percent, now, manager);
    return decideExamAttempt(this.exams, manager, this.transition, paper, now);
  }
}
