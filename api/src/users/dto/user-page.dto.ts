import { ApiProperty } from '@nestjs/swagger';
import type { Page, UserView } from '@aiparksit/shared';
import { UserViewDto } from './user-view.dto.js';

export class UserPageDto implements Page<UserView> {
  @ApiProperty({ type: UserViewDto, isArray: true }) items: UserViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
