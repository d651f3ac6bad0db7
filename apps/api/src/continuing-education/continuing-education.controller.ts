import { Body, Controller, Get, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { GetContinuingEducation, RecordCeEntry, type CeEntryView, type CeProgress } from '#endorsement';
import { ceEntrySchema, type CeEntryBody } from './dto/ce-entry.schema.js';

/** An endorsee's continuing-education log and their progress against the current cycle. */
@Controller('continuing-education')
@Roles('applicant')
export class ContinuingEducationController {
  constructor(
    private readonly recordEntry: RecordCeEntry,
    private readonly getLog: GetContinuingEducation,
  ) {}

  @Post()
  record(@CurrentAccount() caller: AuthenticatedAccount, @Body({ schema: ceEntrySchema }) body: CeEntryBody): Promise<CeEntryView> {
    return this.recordEntry.execute({ personId: caller.personId, ...body });
  }

  @Get()
  log(@CurrentAccount() caller: AuthenticatedAccount): Promise<{ entries: CeEntryView[]; progress: CeProgress | null }> {
    return this.getLog.execute(caller.personId);
  }
}
