import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { CreateApiKeyRequest } from '@aiparksit/shared';
import { Trim } from '../../users/index.js';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'Fleet app (production)', minLength: 1, maxLength: 80 })
  @Trim()
  @IsString()
  @Length(1, 80)
  name: string;
}
