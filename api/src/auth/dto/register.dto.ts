import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SELF_REGISTERABLE_ROLES, type RegisterRequest, type SelfRegisterableRole } from '@aiparksit/shared';
import { AccountFieldsDto } from '../../users/index.js';

export class RegisterDto extends AccountFieldsDto implements RegisterRequest {
  @ApiProperty({ enum: SELF_REGISTERABLE_ROLES, description: 'Investors and admins are created by an admin.' })
  @IsIn(SELF_REGISTERABLE_ROLES, { message: `role must be one of: ${SELF_REGISTERABLE_ROLES.join(', ')}` })
  role: SelfRegisterableRole;
}
