import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { CreateExamWindow, ListExamWindows } from '#endorsement';
import { createExamWindowSchema, listExamWindowsQuerySchema, type CreateExamWindowBody, type ListExamWindowsQueryParams } from './dto/exam-window.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { examWindowListResponse, examWindowResponse } from './dto/exam.responses.js';

/** The sittings an association offers: coordinators and administrators create and list them. */
@ApiTags('exam')
@Controller('staff/exam-windows')
@Roles('coordinator', 'administrator')
export class StaffExamWindowsController {
  constructor(
    private readonly createWindow: CreateExamWindow,
    private readonly listWindows: ListExamWindows,
  ) {}

  @Post()
  @ApiContract({
    id: 'createExamWindow',
    summary: 'Create an exam sitting',
    description:
      "Offers a sitting (date, registration deadline, place or online, seats) in the caller's association, in a month the association's exam calendar offers.",
    status: 201,
    returns: examWindowResponse,
    problems: { 422: ['exam_month_not_offered', 'exam_window_dates'] },
  })
  create(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Body({ schema: createExamWindowSchema }) body: CreateExamWindowBody,
  ): Promise<z.output<typeof examWindowResponse>> {
    return this.createWindow.execute({ caller, ...body });
  }

  @Get()
  @ApiContract({
    id: 'listExamWindows',
    summary: 'List exam sittings',
    description: "The sittings of the caller's association, with seats left.",
    returns: examWindowListResponse,
  })
  list(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Query({ schema: listExamWindowsQuerySchema }) query: ListExamWindowsQueryParams,
  ): Promise<z.output<typeof examWindowListResponse>> {
    return this.listWindows.execute({ caller, ...query });
  }
}
