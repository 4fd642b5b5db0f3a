import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import {
  SYSTEM_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditPage,
  type SystemActionName,
  type SystemActionRequest,
  type SystemActionResult,
} from '@aiparksit/shared';
import { PageQueryDto } from '../../common/http/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One body for every action; each action says which fields it needs (see SystemActionRequest). */
export class SystemActionRequestDto implements SystemActionRequest {
  @ApiPropertyOptional({ description: 'lift-harvest-block: the client as the block was logged (`user:<id>`, `key:<id>`, `anon:<hash>`).' })
  @IsOptional()
  @IsString()
  @Matches(/^(user|key|anon):[0-9a-zA-Z-]{1,64}$/, { message: 'client must look like user:<id>, key:<id> or anon:<hash>' })
  client?: string;

  @ApiPropertyOptional({ format: 'date', description: 'recompute-rollups: first local day.' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'recompute-rollups: last local day (included).' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ format: 'email', description: "send-test-email: the address; the admin's own when absent." })
  @IsOptional()
  @IsEmail({}, { message: 'recipient must be an email address' })
  @MaxLength(254)
  @Length(3, 254)
  recipient?: string;
}

export class SystemActionResultDto implements SystemActionResult {
  @ApiProperty({ enum: SYSTEM_ACTIONS }) action: SystemActionName;
  @ApiProperty({ enum: ['succeeded', 'failed'] }) outcome: 'succeeded' | 'failed';
  @ApiProperty({ example: '3 failed emails queued again' }) message: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty() auditId: string;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
}

const AUDIT_ACTIONS: readonly AuditAction[] = [...SYSTEM_ACTIONS, 'account-created', 'account-disabled', 'account-enabled', 'invitation-resent'];

export class AuditEntryDto implements AuditEntry {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: AuditActorDto, nullable: true }) actor: AuditActorDto | null;
  @ApiProperty({ enum: AUDIT_ACTIONS, example: 'retry-failed-emails' }) action: AuditAction;
  @ApiProperty({ type: String, nullable: true }) target: string | null;
  @ApiProperty({ enum: ['succeeded', 'failed'] }) outcome: 'succeeded' | 'failed';
  @ApiProperty() message: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class AuditPageDto implements AuditPage {
  @ApiProperty({ type: AuditEntryDto, isArray: true }) items: AuditEntryDto[];
  @ApiProperty() total: number;
}

/** `?page&pageSize&action` */
export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @Matches(new RegExp(`^(${AUDIT_ACTIONS.join('|')})$`), { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;
}
