import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthService } from '../application/auth.service';
import type { Principal } from '../domain/principal';
import { LoginRequest, LoginResponse, MeResponse, MessageResponse, PasswordResetConfirmRequest, PasswordResetRequest } from './auth.dto';
import { ClientAddress, CurrentPrincipal, Policy } from './policy.decorator';

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' as const } } };

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @HttpCode(200)
  @Policy.public('signing in')
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'The address and password do not match an account that may sign in (one message whatever the reason, `invalid_credentials`).' })
  @ApiTooManyRequestsResponse({ description: '`too_many_attempts`: too many attempts from this client, or for this account from this client; wait `Retry-After` seconds.', headers: RETRY_AFTER })
  login(@Body() body: LoginRequest, @ClientAddress() address: string): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, address);
  }

  @Post('auth/logout')
  @HttpCode(200)
  @Policy.signedIn()
  @ApiOkResponse({ type: MessageResponse })
  async logout(@CurrentPrincipal() p: Principal): Promise<MessageResponse> {
    await this.auth.logout(p);
    return { message: 'Signed out.' };
  }

  @Post('auth/password-reset')
  @HttpCode(202)
  @Policy.public('asking for a password reset link')
  @ApiAcceptedResponse({ type: MessageResponse, description: 'The same answer whatever the address: a link is sent only if an account uses it.' })
  @ApiTooManyRequestsResponse({ description: '`too_many_attempts`: too many requests from this client; wait `Retry-After` seconds.', headers: RETRY_AFTER })
  async requestReset(@Body() body: PasswordResetRequest, @ClientAddress() address: string): Promise<MessageResponse> {
    await this.auth.requestPasswordReset(body.email, address);
    return { message: 'If an account uses this address, a reset link is on its way. It works once, for one hour.' };
  }

  @Post('auth/password-reset/confirm')
  @HttpCode(200)
  @Policy.public('setting a new password with an emailed link')
  @ApiOkResponse({ type: MessageResponse })
  async confirmReset(@Body() body: PasswordResetConfirmRequest): Promise<MessageResponse> {
    await this.auth.confirmPasswordReset(body.token, body.newPassword);
    return { message: 'Your password has been changed. Sign in with the new one; other sessions were signed out.' };
  }

  @Get('me')
  @Policy.signedIn()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentPrincipal() p: Principal): MeResponse {
    return { accountId: p.accountId, email: p.email, memberId: p.memberId, memberStatus: p.memberStatus, branchId: p.branchId, mandates: [...p.mandates] };
  }
}
