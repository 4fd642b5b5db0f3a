import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import {
  ADMIN_CREATABLE_ROLES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type AcceptInvitationRequest,
  type AdminCreatableRole,
  type CreateAccountRequest,
} from '@aiparksit/shared';
import { AccountEmail, EMAIL_MAX_LENGTH, Trim } from '../../users/index.js';

export class CreateAccountDto implements CreateAccountRequest {
  @ApiProperty({ example: 'ines@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Trim()
  @AccountEmail()
  email: string;

  @ApiProperty({ example: 'Ines Investor', minLength: 1, maxLength: 120 })
  @Trim()
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ enum: ADMIN_CREATABLE_ROLES, description: 'Drivers and operators register themselves.' })
  @IsIn(ADMIN_CREATABLE_ROLES, { message: `role must be one of: ${ADMIN_CREATABLE_ROLES.join(', ')}` })
  role: AdminCreatableRole;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'The token from the link in the invitation email (after `#token=`).' })
  @IsString()
  @Length(16, 256)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'Refused when easy to guess, with the reason.' })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;
}
