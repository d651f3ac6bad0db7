import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Public, ThrottledAs } from '#auth';
import { ListAssociationCategories, ListAssociations } from '#endorsement';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { associationParamsSchema, type AssociationParams } from './dto/association-params.schema.js';
import { associationCategoriesResponse, associationListResponse } from './dto/associations.responses.js';

/** What a person choosing where and what to apply for reads first: no sign-in. */
@ApiTags('associations')
@Controller('associations')
export class AssociationsController {
  constructor(
    private readonly listAssociations: ListAssociations,
    private readonly listCategories: ListAssociationCategories,
  ) {}

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

  @Get(':code/categories')
  @ApiContract({
    id: 'listAssociationCategories',
    summary: "List an association's categories",
    description:
      'The categories the association offers, as it names them: their tracks, what each asks (education, work, training, reflective supervision/consultation, references, exam) and the fees. No sign-in.',
    returns: associationCategoriesResponse,
    problems: { 404: ['association_not_found'], 429: ['too_many_requests'] },
  })
  @Public()
  @ThrottledAs('public')
  categories(@Param({ schema: associationParamsSchema }) params: AssociationParams): z.output<typeof associationCategoriesResponse> {
    return this.listCategories.execute(params.code);
  }
}
