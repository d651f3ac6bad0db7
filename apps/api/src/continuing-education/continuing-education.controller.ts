import { Body, Controller, Get, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { GetContinuingEducation, RecordCeEntry } from '#endorsement';
import { ceEntrySchema, type CeEntryBody } from './dto/ce-entry.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { ceEntryResponse, ceLogResponse } from './dto/continuing-education.responses.js';

/** An endorsee's continuing-education log and their progress against the current cycle. */
@ApiTags('continuing-education')
@Controller('continuing-education')
@Roles('applicant')
export class ContinuingEducationController {
  constructor(
    private readonly recordEntry: RecordCeEntry,
    private readonly getLog: GetContinuingEducation,
  ) {}

  @Post()
  @ApiContract({
    id: 'recordCeEntry',
    summary: 'Log continuing education',
    description: "Adds a training or reflective supervision entry to the endorsee's log; staff approve it before its hours count.",
    status: 201,
    returns: ceEntryResponse,
    problems: { 409: ['not_endorsed'], 422: ['completed_in_future', 'unknown_competency_area'] },
  })
  record(@CurrentAccount() caller: AuthenticatedAccount, @Body({ schema: ceEntrySchema }) body: CeEntryBody): Promise<z.output<typeof ceEntryResponse>> {
    return this.recordEntry.execute({ personId: caller.personId, ...body });
  }

  @Get()
  @ApiContract({
    id: 'getCeLog',
    summary: 'Get my continuing-education log',
    description: 'Every entry with its review status, and progress against the current renewal cycle.',
    returns: ceLogResponse,
  })
  log(@CurrentAccount() caller: AuthenticatedAccount): Promise<z.output<typeof ceLogResponse>> {
    return this.getLog.execute(caller.personId);
  }
}
