import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { WaitlistEntryList, WaitlistEntryView } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { JoinWaitlistDto, WaitlistEntryListDto, WaitlistEntryViewDto } from './waitlist.dto.js';
import { WaitlistService } from './waitlist.service.js';

@ApiTags('waitlist')
@ApiBearerAuth()
@Roles('driver')
@Controller('waitlist')
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: WaitlistEntryViewDto, description: 'In line; when a space frees for the stay, the first in line gets a hold and an email.' })
  @ApiBadRequestResponse({ description: 'A rule of a booking is broken (details.code as for POST /api/bookings).' })
  @ApiForbiddenResponse({ description: 'email_not_verified.' })
  @ApiNotFoundResponse({ description: 'facility_not_found.' })
  @ApiConflictResponse({ description: 'space_available: book it instead; already_waiting (details.entryId); blacked_out.' })
  join(@CurrentPrincipal() principal: Principal, @Body() body: JoinWaitlistDto): Promise<WaitlistEntryView> {
    return this.waitlist.join(requireUser(principal), body);
  }

  @Get()
  @ApiOkResponse({ type: WaitlistEntryListDto, description: "The driver's own entries, newest first (at most 50)." })
  list(@CurrentPrincipal() principal: Principal): Promise<WaitlistEntryList> {
    return this.waitlist.listOwn(requireUser(principal));
  }

  @Get(':id')
  @ApiOkResponse({ type: WaitlistEntryViewDto })
  @ApiNotFoundResponse({ description: "Unknown, or another driver's." })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<WaitlistEntryView> {
    return this.waitlist.getOwn(requireUser(principal), id);
  }

  @Delete(':id')
  @ApiOkResponse({ type: WaitlistEntryViewDto, description: 'Left the line (status left).' })
  @ApiNotFoundResponse({ description: "Unknown, or another driver's." })
  @ApiConflictResponse({ description: 'entry_not_waiting: already offered, booked, lapsed, left or expired.' })
  leave(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<WaitlistEntryView> {
    return this.waitlist.leave(requireUser(principal), id);
  }
}
