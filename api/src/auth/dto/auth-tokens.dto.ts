import { ApiProperty } from '@nestjs/swagger';
import { type ApiKeyPrincipalView, type ApiKeyScope, type AuthTokens, API_KEY_SCOPES } from '@aiparksit/shared';
import { UserViewDto } from '../../users/index.js';

export class AuthTokensDto implements AuthTokens {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`.' }) accessToken: string;
  @ApiProperty({ description: 'Single use: exchange it at /api/auth/refresh for a new pair.' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires.' }) expiresIn: number;
  @ApiProperty({ type: UserViewDto }) user: UserViewDto;
}

export class ApiKeyPrincipalViewDto implements ApiKeyPrincipalView {
  @ApiProperty({ enum: ['api_key'] }) kind: 'api_key';
  @ApiProperty({ format: 'uuid' }) keyId: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes: ApiKeyScope[];
}
