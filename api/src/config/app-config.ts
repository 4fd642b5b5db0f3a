import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema, ConfigValueError, type AppConfigValues, type ConfigVariable } from './config.schema.js';

/** The repository root: api/dist/api/src/config → five levels up; api/src/config → three. */
export const PROJECT_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(resolve(dir, 'tsconfig.base.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
})();

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * The validated settings, read once at start-up and injected where needed. Nothing else in
 * the API reads process.env.
 */
export class AppConfig {
  private constructor(readonly values: Readonly<AppConfigValues>) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
    const problems: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [key, variable] of Object.entries(configSchema) as [string, ConfigVariable<unknown>][]) {
      const raw = env[variable.env];
      const text = raw === undefined || raw === '' ? variable.default : raw;
      if (text === undefined) {
        if (!variable.optional) problems.push(`${variable.env} is required: ${variable.description}`);
        values[key] = undefined;
        continue;
      }
      try {
        values[key] = variable.parse(text);
      } catch (error) {
        const reason = error instanceof ConfigValueError ? error.message : String(error);
        problems.push(`${variable.env} is invalid (${reason}): ${variable.description}`);
      }
    }
    const config = values as AppConfigValues;
    if (config.nodeEnv === 'production' && !config.jwtAccessSecret) {
      problems.push('JWT_ACCESS_SECRET is required in production: a generated secret would sign tokens no other instance accepts.');
    }
    if (config.nodeEnv === 'production' && !config.databaseUrl) {
      problems.push('DATABASE_URL is required in production: the embedded PostgreSQL is for local use.');
    }
    if (config.nodeEnv === 'production' && !config.publicUrl) {
      problems.push('PUBLIC_URL is required in production: links in emails must not depend on the Host a caller sends.');
    }
    if (problems.length) throw new ConfigError(problems);
    return new AppConfig(Object.freeze(config));
  }

  get embedded(): boolean {
    return !this.values.databaseUrl;
  }

  /** A path from configuration, resolved against the project root when relative. */
  projectPath(path: string): string {
    return isAbsolute(path) ? path : resolve(PROJECT_ROOT, path);
  }

  /**
   * The access-token secret. Outside production an unset secret is generated once and kept in
   * `.data/` so that a restart does not sign everybody out.
   */
  accessTokenSecret(): string {
    if (this.values.jwtAccessSecret) return this.values.jwtAccessSecret;
    const file = resolve(this.projectPath(this.values.embeddedPgDir), '..', 'jwt-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    const secret = randomBytes(48).toString('base64url');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }

  /** The settings with secrets masked, for the start-up log. */
  describe(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, variable] of Object.entries(configSchema) as [keyof AppConfigValues, ConfigVariable<unknown>][]) {
      const value = this.values[key];
      out[variable.env] = variable.sensitive && value !== undefined ? '********' : value;
    }
    return out;
  }
}
