import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type ApiKeyPrincipalView, type ApiKeyScope, type AuthTokens, type Role, type UserView, API_KEY_SCOPES } from '@aiparksit/shared';

export class UserViewDto implements UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Whether the address was confirmed by the emailed link; booking needs it.' }) emailVerified: boolean;
}

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
