import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { MemberFeedService } from '../application/member-feed.service';
import { NotificationPreferencesService } from '../application/notification-preferences.service';
import { FeedQuery, FeedResponse, MarkReadResponse, NoticeIdParam, PreferencesRequest, PreferencesResponse } from './notifications.dto';

@ApiTags('notifications')
@Controller('me')
export class MemberNotificationsController {
  constructor(
    private readonly feed: MemberFeedService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Get('notifications')
  @Policy.inUseCase('your own feed: the member record of the signed-in account')
  @ApiOkResponse({ type: FeedResponse })
  list(@CurrentPrincipal() p: Principal, @Query() q: FeedQuery): Promise<FeedResponse> {
    return this.feed.list(p.memberId, { unreadOnly: q.unread ?? false, limit: q.limit ?? 20, cursor: q.cursor });
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @Policy.inUseCase('your own feed: the member record of the signed-in account')
  @ApiOkResponse({ type: MarkReadResponse })
  @ApiNotFoundResponse({ description: 'No such notice in your feed.' })
  markRead(@CurrentPrincipal() p: Principal, @Param() params: NoticeIdParam): Promise<MarkReadResponse> {
    return this.feed.markRead(p.memberId, params.id);
  }

  @Get('notification-preferences')
  @Policy.inUseCase('your own preferences: the member record of the signed-in account')
  @ApiOkResponse({ type: PreferencesResponse })
  getPreferences(@CurrentPrincipal() p: Principal): Promise<PreferencesResponse> {
    return this.preferences.get(p.memberId);
  }

  @Put('notification-preferences')
  @Policy.inUseCase('your own preferences: the member record of the signed-in account')
  @ApiOkResponse({ type: PreferencesResponse })
  setPreferences(@CurrentPrincipal() p: Principal, @Body() body: PreferencesRequest): Promise<PreferencesResponse> {
    return this.preferences.set(p.memberId, body.emailNonEssential);
  }
}
