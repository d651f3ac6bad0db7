import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { CreateExamWindow, ListExamWindows, type ExamWindowView } from '#endorsement';
import { createExamWindowSchema, listExamWindowsQuerySchema, type CreateExamWindowBody, type ListExamWindowsQueryParams } from './dto/exam-window.schema.js';

/** The sittings an association offers: coordinators and administrators create and list them. */
@Controller('staff/exam-windows')
@Roles('coordinator', 'administrator')
export class StaffExamWindowsController {
  constructor(
    private readonly createWindow: CreateExamWindow,
    private readonly listWindows: ListExamWindows,
  ) {}

  @Post()
  create(@CurrentAccount() caller: AuthenticatedAccount, @Body({ schema: createExamWindowSchema }) body: CreateExamWindowBody): Promise<ExamWindowView> {
    return this.createWindow.execute({ caller, ...body });
  }

  @Get()
  list(@CurrentAccount() caller: AuthenticatedAccount, @Query({ schema: listExamWindowsQuerySchema }) query: ListExamWindowsQueryParams): Promise<{ windows: ExamWindowView[] }> {
    return this.listWindows.execute({ caller, ...query });
  }
}
