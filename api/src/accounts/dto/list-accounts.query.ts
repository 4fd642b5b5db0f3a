import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type AccountState, type Role } from '@aiparksit/shared';
import { PageQueryDto } from '../../common/http/index.js';
import { Trim } from '../../users/index.js';

export const ACCOUNT_STATES = ['active', 'invited', 'unverified', 'disabled'] as const satisfies readonly AccountState[];

export class ListAccountsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: ACCOUNT_STATES })
  @IsOptional()
  @IsIn(ACCOUNT_STATES, { message: `state must be one of: ${ACCOUNT_STATES.join(', ')}` })
  state?: AccountState;

  @ApiPropertyOptional({ description: 'A piece of the email or name, any case.', maxLength: 254 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(254)
  q?: string;
}
