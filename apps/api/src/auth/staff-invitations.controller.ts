import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AcceptInvitation, CurrentAccount, InviteStaff, Public, Roles, ThrottledAs, type AuthenticatedAccount } from '#auth';
import { acceptInvitationSchema, staffInvitationSchema, type AcceptInvitationBody, type StaffInvitationBody } from './dto/invitation.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { acceptedInvitationResponse, accountIdResponse } from '../dto/response-fields.js';

/** Staff join by invitation: an administrator invites, the invitee accepts through the emailed link. */
@ApiTags('auth')
@Controller()
export class StaffInvitationsController {
  constructor(
    private readonly inviteStaff: InviteStaff,
    private readonly acceptInvitation: AcceptInvitation,
  ) {}

  @Post('staff/invitations')
  @ApiContract({
    id: 'inviteStaff',
    summary: 'Invite a staff member',
    description:
      "Creates a staff account with the given roles in the caller's association (an Alliance-wide administrator names one) and emails the invitee a link, valid 7 days, to set their password.",
    status: 201,
    returns: accountIdResponse,
    problems: { 409: ['email_taken'] },
  })
  @Roles('administrator')
  invite(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Body({ schema: staffInvitationSchema }) body: StaffInvitationBody,
  ): Promise<z.output<typeof accountIdResponse>> {
    return this.inviteStaff.execute({ caller, ...body });
  }

  @Post('auth/invitations/accept')
  @ApiContract({
    id: 'acceptInvitation',
    summary: 'Accept a staff invitation',
    description: 'Sets the password (and the name) of an invited account with the token from the emailed link; the link then stops working.',
    returns: acceptedInvitationResponse,
    problems: { 400: ['invalid_link'], 429: ['too_many_requests'] },
  })
  @HttpCode(200)
  @Public()
  @ThrottledAs('auth')
  accept(@Body({ schema: acceptInvitationSchema }) body: AcceptInvitationBody): Promise<z.output<typeof acceptedInvitationResponse>> {
    return this.acceptInvitation.execute(body);
  }
}
