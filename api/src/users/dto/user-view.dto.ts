import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, type UserView } from '@aiparksit/shared';

export class UserViewDto implements UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Whether the address was confirmed by the emailed link; booking needs it.' }) emailVerified: boolean;
}
