import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, type LoginRequest } from '@aiparksit/shared';
import { AccountEmail, Trim } from '../../users/index.js';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'driver@demo.aiparksit.test' })
  @Trim()
  @AccountEmail()
  email: string;

  // No minimum here: a too-short password is simply wrong, and saying so would hint at the rules.
  @ApiProperty({ example: 'parking-demo-2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
