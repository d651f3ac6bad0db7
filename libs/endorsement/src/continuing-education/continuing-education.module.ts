import { Module } from '@nestjs/common';
import { EndorsementModule } from '../endorsement.module.js';
import { GetContinuingEducation } from './get-continuing-education.use-case.js';
import { ListCeEntriesForReview } from './list-ce-entries-for-review.use-case.js';
import { ListEndorsements } from './list-endorsements.use-case.js';
import { RecordCeEntry } from './record-ce-entry.use-case.js';
import { ReviewCeEntry } from './review-ce-entry.use-case.js';

const USE_CASES = [ListEndorsements, RecordCeEntry, GetContinuingEducation, ListCeEntriesForReview, ReviewCeEntry];

/** The continuing-education log and endorsements as their holder sees them; SubmitRenewal comes from EndorsementModule. */
@Module({
  imports: [EndorsementModule],
  providers: USE_CASES,
  exports: [EndorsementModule, ...USE_CASES],
})
export class ContinuingEducationModule {}
