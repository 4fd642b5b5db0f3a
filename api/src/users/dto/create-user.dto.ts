import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type CreateUserRequest, type Role } from '@aiparksit/shared';
import { AccountEmail, EMAIL_MAX_LENGTH, Trim } from '../../auth/dto/credentials.fields.js';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'ines@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Trim()
  @AccountEmail()
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'Ines Investor', minLength: 1, maxLength: 120 })
  @Trim()
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;
}
