import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@aiparksit/shared';
import { AccountEmail, EMAIL_MAX_LENGTH, Trim } from './credentials.fields.js';
import { StrongPassword } from './strong-password.decorator.js';

/**
 * The fields every new account has, validated the same way whether a person registers or an
 * admin creates the account. Subclasses add the role they allow.
 */
export abstract class AccountFieldsDto {
  @ApiProperty({ example: 'dana@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Trim()
  @AccountEmail()
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Refused when easy to guess (common passwords, keyboard rows, repeats, the email or name), with the reason.',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  @StrongPassword()
  password: string;

  @ApiProperty({ example: 'Dana Driver', minLength: 1, maxLength: 120 })
  @Trim()
  @IsString()
  @Length(1, 120)
  name: string;
}
