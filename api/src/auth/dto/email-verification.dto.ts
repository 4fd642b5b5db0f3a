import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { RegistrationAccepted, ResendVerificationRequest, VerifyEmailRequest } from '@aiparksit/shared';
import { AccountEmail, Trim } from '../../users/index.js';

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
