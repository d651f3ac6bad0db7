import { Injectable } from '@nestjs/common';
import { Clock } from '#platform';
import { renewalProgress, type RenewalMeasure } from '../renewal/check-renewal-requirements.js';
import { EndorsementsRepository } from '../renewal/endorsements.repository.js';
import { TransitionsRepository } from '../transition/transitions.repository.js';
import { CeEntriesRepository } from './ce-entries.repository.js';
import type { CeEntryView } from './ce-entry.view.js';

export interface CeProgress {
  /** The due day of the current cycle: the earliest among the endorsements held. */
  dueOn: string;
  firstCycle: boolean;
  /** Nothing is required this cycle (the first cycle after endorsement, where the data says so). */
  exempt: boolean;
  /** Each measure the cycle asks for (ce_hours, dei_hours, rsc_training_hours, rsc_hours), with the approved hours so far. */
  measures: (Omit<RenewalMeasure, 'code'> & { code: string; met: boolean })[];
}

/** Most entries one answer lists: years of a diligent endorsee's log. */
const MAX_ENTRIES = 500;

/** The endorsee's log, newest first, and where they stand against the current cycle's requirements. */
@Injectable()
export class GetContinuingEducation {
  constructor(
    private readonly ceEntries: CeEntriesRepository,
    private readonly endorsements: EndorsementsRepository,
    private readonly clock: Clock,
    private readonly transitions: TransitionsRepository,
  ) {}

  async execute(personId: string): Promise<{ entries: CeEntryView[]; progress: CeProgress | null }> {
    const entries = await this.ceEntries.listForPerson(personId, MAX_ENTRIES);
    return { entries, progress: await this.progress(personId) };
  }

  private async progress(personId: string): Promise<CeProgress | null> {
    const current = await this.endorsements.findCurrentCycle(personId);
    if (!current) return null;
    const facts = await this.transitions.findRenewalFacts(current.id, this.clock.now());
    const measures = renewalProgress(facts.entries, facts).map((m) => ({
      ...m,
      code: m.code.replace(/_short$/, ''),
      met: Math.round(m.recorded * 100) >= Math.round(m.required * 100),
    }));
    return { dueOn: current.due_on, firstCycle: facts.firstCycle, exempt: measures.length === 0, measures };
  }
}
