import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SELF_REGISTERABLE_ROLES, type RegisterRequest, type SelfRegisterableRole } from '@aiparksit/shared';
import { AccountEmail, EMAIL_MAX_LENGTH, Trim } from './credentials.fields.js';

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'dana@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Trim()
  @AccountEmail()
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'Dana Driver', minLength: 1, maxLength: 120 })
  @Trim()
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ enum: SELF_REGISTERABLE_ROLES, description: 'Investors and admins are created by an admin.' })
  @IsIn(SELF_REGISTERABLE_ROLES, { message: `role must be one of: ${SELF_REGISTERABLE_ROLES.join(', ')}` })
  role: SelfRegisterableRole;
}
