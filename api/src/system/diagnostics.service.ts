import { Injectable } from '@nestjs/common';
import { arch, hostname, platform, release } from 'node:os';
import type { SystemErrorGroup, SystemStatus } from '@aiparksit/shared';
import { AuditLog } from '../audit/index.js';
import { APP_VERSION } from '../common/index.js';
import { AppConfig, configSchema } from '../config/index.js';
import { SystemErrorsService } from '../error-log/index.js';
import { maskDeep, maskSetting } from './secret-masking.js';
import { SystemStatusService } from './system-status.service.js';

export interface DiagnosticsFile {
  filename: string;
  auditId: string;
  body: string;
}

/**
 * "Export diagnostics": one JSON file an admin can attach to a support ticket — a fresh status
 * snapshot, the recent error groups, the instances, the versions, and the effective settings of
 * this instance with every secret masked. The export is audited, failures included.
 */
@Injectable()
export class DiagnosticsService {
  constructor(
    private readonly status: SystemStatusService,
    private readonly errors: SystemErrorsService,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async export(actorId: string): Promise<DiagnosticsFile> {
    let status: SystemStatus;
    let recentErrors: SystemErrorGroup[];
    try {
      await this.status.refresh();
      // This instance's errors counted in memory are written first, so the file has them too.
      await this.errors.flush().catch(() => undefined);
      const [snapshot, page] = await Promise.all([this.status.status(), this.errors.list({ hours: 24, limit: 200 })]);
      status = snapshot;
      recentErrors = page.items;
    } catch (error) {
      const message = `Diagnostics could not be gathered: ${error instanceof Error ? error.message : String(error)}`;
      await this.audit.record({ actorId, action: 'export-diagnostics', outcome: 'failed', message });
      throw error;
    }
    const generatedAt = new Date().toISOString();
    const settings = this.settings();
    const entry = await this.audit.record({
      actorId,
      action: 'export-diagnostics',
      outcome: 'succeeded',
      message: `Diagnostics exported: ${status.services.api.instances.length} instances, ${recentErrors.length} error groups, ${Object.keys(settings).length} settings (secrets masked).`,
      details: { overall: status.overall, errorGroups: recentErrors.length },
    });
    const document = {
      kind: 'aiparksit-diagnostics',
      generatedAt,
      auditId: entry.id,
      versions: {
        aiparksit: APP_VERSION,
        node: process.version,
        postgres: status.services.postgres.version,
        os: `${platform()} ${release()} ${arch()}`,
      },
      answeredBy: { host: hostname(), pid: process.pid },
      instances: status.services.api.instances,
      status,
      recentErrors,
      settings,
    };
    return {
      filename: `aiparksit-diagnostics-${generatedAt.replace(/[:.]/g, '-')}.json`,
      auditId: entry.id,
      body: JSON.stringify(maskDeep(document), null, 2),
    };
  }

  /** Every setting of this instance by its variable name, masked (see `maskSetting`). */
  private settings(): Record<string, unknown> {
    const values = this.config.values as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(configSchema).map(([key, variable]) => [
        variable.env,
        maskSetting(variable.env, values[key], 'sensitive' in variable && variable.sensitive === true),
      ]),
    );
  }
}
