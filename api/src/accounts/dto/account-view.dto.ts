import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type AccountsPage, type AccountState, type AccountView, type Role } from '@aiparksit/shared';
import { ACCOUNT_STATES } from './list-accounts.query.js';

export class AccountViewDto implements AccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({
    enum: ACCOUNT_STATES,
    description: 'disabled; invited (no password chosen yet); unverified (self-registered, address not confirmed); active.',
  })
  state: AccountState;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The last password sign-in or accepted invitation.' })
  lastSignInAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the pending invitation stops working (invited accounts only).' })
  invitationExpiresAt: string | null;
}

export class AccountsPageDto implements AccountsPage {
  @ApiProperty({ type: AccountViewDto, isArray: true }) items: AccountViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
