import { ApiProperty } from '@nestjs/swagger';
import type { ReadinessCheck, ReadinessReport } from '../health.service.js';

export class ReadinessCheckDto implements ReadinessCheck {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'What is wrong, when not ok.' }) detail: string | null;
}

class ReadinessChecksDto {
  @ApiProperty({ type: ReadinessCheckDto, description: 'PostgreSQL answers within 2 s.' }) database: ReadinessCheckDto;
  @ApiProperty({ type: ReadinessCheckDto, description: 'Every migration of this build is in schema_migrations.' }) migrations: ReadinessCheckDto;
  @ApiProperty({ type: ReadinessCheckDto, description: 'The LISTEN connection that carries real-time events is up.' }) listener: ReadinessCheckDto;
}

export class ReadinessReportDto implements ReadinessReport {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status: 'ready' | 'not_ready';
  @ApiProperty({ enum: ['database', 'migrations', 'listener'], isArray: true }) failed: Array<'database' | 'migrations' | 'listener'>;
  @ApiProperty({ type: ReadinessChecksDto }) checks: ReadinessChecksDto;
  @ApiProperty({ example: '0.1.0' }) version: string;
  @ApiProperty({ format: 'date-time' }) time: string;
}
