import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Public, ThrottledAs } from '#auth';
import { ListAssociations } from '#endorsement';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { associationListResponse } from './dto/associations.responses.js';

/** What a person choosing where to register reads first: no sign-in. */
@ApiTags('associations')
@Controller('associations')
export class AssociationsController {
  constructor(private readonly listAssociations: ListAssociations) {}

  @Get()
  @ApiContract({
    id: 'listAssociations',
    summary: 'List the associations',
    description: 'The associations a person may register with, by name. No sign-in.',
    returns: associationListResponse,
    problems: { 429: ['too_many_requests'] },
  })
  @Public()
  @ThrottledAs('public')
  list(): z.output<typeof associationListResponse> {
    return { items: this.listAssociations.execute() };
  }
}
