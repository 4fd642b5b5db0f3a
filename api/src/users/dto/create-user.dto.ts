import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type CreateUserRequest, type Role } from '@aiparksit/shared';
import { AccountFieldsDto } from './account-fields.dto.js';

/** Admin only: any role, investors and admins included. */
export class CreateUserDto extends AccountFieldsDto implements CreateUserRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;
}
