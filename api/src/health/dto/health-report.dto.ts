import { ApiProperty } from '@nestjs/swagger';
import type { DependencyStatus, HealthReport } from '@aiparksit/shared';

export class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db: DependencyStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'How long `SELECT 1` took; null when the database did not answer.' }) dbLatencyMs: number | null;
  @ApiProperty({ example: '0.1.0' }) version: string;
  @ApiProperty() uptimeSeconds: number;
  @ApiProperty({ format: 'date-time' }) time: string;
}
