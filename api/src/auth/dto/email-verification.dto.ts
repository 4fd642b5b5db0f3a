import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type RegistrationAccepted,
  type ResendVerificationRequest,
  type VerifyEmailRequest,
} from '@aiparksit/shared';
import { AccountEmail, StrongPassword, Trim } from '../../users/index.js';

export class VerifyEmailDto implements VerifyEmailRequest {
  @ApiProperty({ description: 'The token from the link in the verification email (after `#token=`).' })
  @IsString()
  @Length(16, 256)
  token: string;
}

export class ResendVerificationDto implements ResendVerificationRequest {
  @ApiProperty({ example: 'dana@example.com' })
  @Trim()
  @AccountEmail()
  email: string;
}

export class RegistrationAcceptedDto implements RegistrationAccepted {
  @ApiProperty() email: string;
  @ApiProperty({ description: 'What to tell the person: look for the email.' }) message: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty({ example: 'dana@example.com' })
  @Trim()
  @AccountEmail()
  email: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token from the link in the password-reset email (after `#token=`).' })
  @IsString()
  @Length(16, 256)
  token: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'The same rules as at registration; refused when easy to guess, with the reason.',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  @StrongPassword()
  password: string;
}
