import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { PanelRepository } from './panel.repository.js';

export interface ReviewListItem {
  applicationId: string;
  applicantName: string;
  category: string;
  round: number;
  assignedAt: Date;
}

/** A reviewer's work: applications in panel review assigned to them this round, not yet voted on. */
@Injectable()
export class ListReviews {
  constructor(private readonly panels: PanelRepository) {}

  async execute(caller: AuthenticatedAccount): Promise<{ reviews: ReviewListItem[] }> {
    const reviews = await this.panels.listOpenReviews(caller.id, caller.associationCode);
    return { reviews };
  }
}
