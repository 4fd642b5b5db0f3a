import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, UserView } from '@aiparksit/shared';
import { UserViewDto } from './dto/user-view.dto.js';
import { Roles } from '../access/index.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { UserPageDto } from './dto/user-page.dto.js';
import { UsersService } from './users.service.js';

/** Account administration: the only way investor and admin accounts come to exist. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiConflictResponse({ description: 'An account with this email already exists.' })
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.createByAdmin(body);
  }

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.list(query.page, query.pageSize);
  }
}
