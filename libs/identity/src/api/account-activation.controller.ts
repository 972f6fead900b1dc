import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiConflictResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { DomainError } from '@org/kernel';
import { AccountActivationService } from '../application/account-activation.service';
import type { Principal } from '../domain/principal';
import {
  AccountsMessageResponse,
  ActivateAccountRequest,
  ActivateAccountResponse,
  EmailChangeConfirmRequest,
  EmailChangeRequest,
  InvitationLetterResponse,
  InvitationProgressResponse,
  ResendInvitationRequest,
} from './accounts.dto';
import { renderInvitationLetter } from './invitation-letter.html';
import { ClientAddress, CurrentPrincipal, Policy } from './policy.decorator';

const SECRETARIES = [
  { body: 'BRANCH_COMMITTEE' as const, roles: ['secretary' as const] },
  { body: 'NATIONAL_OFFICE' as const, roles: ['membership-secretary' as const] },
];

const uuid = (name: string) => new ParseUUIDPipe({ exceptionFactory: () => new DomainError('invalid', 'invalid_id', `${name} in the path must be a UUID.`, { field: name }) });

const RESENT = 'If this address belongs to a member whose account is not activated yet, a new invitation is on its way. It works once, for 14 days; earlier invitations stop working.';

/** Member accounts opened by admission or import: activation, invitations, letters, an import's progress, a new address. */
@ApiTags('identity')
@Controller()
export class AccountActivationController {
  constructor(private readonly activation: AccountActivationService) {}

  @Post('auth/activate')
  @HttpCode(200)
  @Policy.public('activating an account with an invitation link or a letter code')
  @ApiOkResponse({ type: ActivateAccountResponse, description: 'The password is set and the member is signed in.' })
  @ApiBadRequestResponse({ description: '`invitation_invalid`: used, replaced, expired or mistyped; ask for a new invitation.' })
  @ApiTooManyRequestsResponse({ description: '`too_many_attempts`.' })
  activate(@Body() body: ActivateAccountRequest, @ClientAddress() address: string): Promise<ActivateAccountResponse> {
    if (body.token && !body.code && !body.memberNumber) return this.activation.activate({ token: body.token, password: body.password }, address);
    if (!body.token && body.code && body.memberNumber) return this.activation.activate({ code: body.code, memberNumber: body.memberNumber, password: body.password }, address);
    throw new DomainError('invalid', 'validation_failed', 'Send either the token from the activation link, or the code and member number from the letter, with the new password.', [
      { field: 'token', message: 'send token, or code with memberNumber' },
    ]);
  }

  @Post('auth/invitations/resend')
  @HttpCode(202)
  @Policy.public('asking for a new invitation to activate an account')
  @ApiAcceptedResponse({ type: AccountsMessageResponse, description: 'The same answer whether or not the address is known.' })
  @ApiTooManyRequestsResponse({ description: '`too_many_attempts`.' })
  async resend(@Body() body: ResendInvitationRequest, @ClientAddress() address: string): Promise<AccountsMessageResponse> {
    await this.activation.resendToAddress(body.email, address);
    return { message: RESENT };
  }

  @Post('members/:memberId/invitation')
  @HttpCode(202)
  @Policy.mandate(...SECRETARIES)
  @ApiAcceptedResponse({ type: AccountsMessageResponse, description: 'The same answer whether an invitation was sent or not (already activated, or no address).' })
  @ApiNotFoundResponse({ description: 'No such member in your branches.' })
  async resendForMember(@Param('memberId', uuid('memberId')) memberId: string, @CurrentPrincipal() p: Principal): Promise<AccountsMessageResponse> {
    await this.activation.resendForMember(p, memberId);
    return { message: 'If this member has an e-mail address and has not activated their account yet, a new invitation is on its way. Otherwise print them a letter.' };
  }

  @Post('members/:memberId/invitation-letter')
  @HttpCode(200)
  @Policy.mandate(...SECRETARIES)
  @ApiOkResponse({ type: InvitationLetterResponse, description: 'A new one-time code (earlier invitations stop working).' })
  @ApiNotFoundResponse({ description: 'No such member in your branches.' })
  @ApiConflictResponse({ description: '`already_activated` or `not_invitable`.' })
  letter(@Param('memberId', uuid('memberId')) memberId: string, @CurrentPrincipal() p: Principal): Promise<InvitationLetterResponse> {
    return this.activation.letterFor(p, memberId);
  }

  @Post('members/:memberId/invitation-letter/print')
  @HttpCode(200)
  @Policy.mandate(...SECRETARIES)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The letter as a printable HTML page, with a new one-time code.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such member in your branches.' })
  @ApiConflictResponse({ description: '`already_activated` or `not_invitable`.' })
  async printLetter(@Param('memberId', uuid('memberId')) memberId: string, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const html = renderInvitationLetter(await this.activation.letterFor(p, memberId));
    // Set only once the letter exists, so that a refusal keeps its JSON error body.
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    return html;
  }

  @Get('imports/:batchId/invitations')
  @Policy.inUseCase('only the officer who ran the import')
  @ApiOkResponse({ type: InvitationProgressResponse })
  @ApiNotFoundResponse({ description: 'No import with this id that you ran.' })
  progress(@Param('batchId', uuid('batchId')) batchId: string, @CurrentPrincipal() p: Principal): Promise<InvitationProgressResponse> {
    return this.activation.progress(p, batchId);
  }

  @Post('me/email-change')
  @HttpCode(202)
  @Policy.member()
  @ApiAcceptedResponse({ type: AccountsMessageResponse })
  async requestEmailChange(@Body() body: EmailChangeRequest, @CurrentPrincipal() p: Principal): Promise<AccountsMessageResponse> {
    await this.activation.requestEmailChange(p, body.email);
    return { message: 'A confirmation link is on its way to the new address (it works for 48 hours). Your current address keeps working until you confirm, and has been told about the change.' };
  }

  @Post('auth/email-change/confirm')
  @HttpCode(200)
  @Policy.public('confirming a new e-mail address with the link sent to it')
  @ApiOkResponse({ type: AccountsMessageResponse })
  @ApiBadRequestResponse({ description: '`email_change_invalid`: used, replaced or expired.' })
  @ApiConflictResponse({ description: '`duplicate_email`.' })
  async confirmEmailChange(@Body() body: EmailChangeConfirmRequest): Promise<AccountsMessageResponse> {
    await this.activation.confirmEmailChange(body.token);
    return { message: 'Your new address is confirmed: sign in with it from now on.' };
  }
}
