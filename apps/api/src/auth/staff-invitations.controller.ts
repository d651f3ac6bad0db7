import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AcceptInvitation, CurrentAccount, InviteStaff, Public, Roles, ThrottledAs, type AuthenticatedAccount } from '#auth';
import { acceptInvitationSchema, staffInvitationSchema, type AcceptInvitationBody, type StaffInvitationBody } from './dto/invitation.schema.js';

/** Staff join by invitation: an administrator invites, the invitee accepts through the emailed link. */
@Controller()
export class StaffInvitationsController {
  constructor(
    private readonly inviteStaff: InviteStaff,
    private readonly acceptInvitation: AcceptInvitation,
  ) {}

  @Post('staff/invitations')
  @Roles('administrator')
  invite(@CurrentAccount() caller: AuthenticatedAccount, @Body({ schema: staffInvitationSchema }) body: StaffInvitationBody): Promise<{ accountId: string }> {
    return this.inviteStaff.execute({ caller, ...body });
  }

  @Post('auth/invitations/accept')
  @HttpCode(200)
  @Public()
  @ThrottledAs('auth')
  accept(@Body({ schema: acceptInvitationSchema }) body: AcceptInvitationBody): Promise<{ accountId: string }> {
    return this.acceptInvitation.execute(body);
  }
}
