import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { LogoutRequest, RefreshRequest } from '@aiparksit/shared';

export class RefreshTokenDto implements RefreshRequest, LogoutRequest {
  @ApiProperty({ description: 'The refresh token from the last login or refresh.' })
  @IsString()
  @Length(16, 256)
  refreshToken: string;
}
