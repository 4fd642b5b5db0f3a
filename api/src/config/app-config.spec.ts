import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig, ConfigError, PROJECT_ROOT } from './app-config.js';
import { configSchema } from './config.schema.js';

describe('AppConfig.fromEnv', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = AppConfig.fromEnv({});
    expect(config.values.port).toBe(3005);
    expect(config.embedded).toBe(true);
    expect(config.values.trustProxy).toBe(false);
  });

  it('names every bad variable in one error', () => {
    expect(() => AppConfig.fromEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TRUST_PROXY: '' })).toThrow(ConfigError);
    try {
      AppConfig.fromEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT is invalid');
      expect(message).toContain('DATABASE_URL is invalid');
    }
  });

  it('refuses production without a database and a token secret', () => {
    expect(() => AppConfig.fromEnv({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET is required in production[\s\S]*DATABASE_URL is required/);
  });

  it('refuses production without PUBLIC_URL, and needs none elsewhere', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/x', JWT_ACCESS_SECRET: 'a'.repeat(40) };
    expect(() => AppConfig.fromEnv(production)).toThrow(/PUBLIC_URL is required in production/);
    expect(AppConfig.fromEnv({ ...production, PUBLIC_URL: 'https://parking.example' }).values.publicUrl).toBe('https://parking.example');
    expect(AppConfig.fromEnv({}).values.publicUrl).toBeUndefined();
    expect(() => AppConfig.fromEnv({ PUBLIC_URL: 'ftp://parking.example' })).toThrow(/PUBLIC_URL is invalid/);
  });

  it('masks secrets when describing itself', () => {
    const config = AppConfig.fromEnv({ DATABASE_URL: 'postgres://u:p@db/x', JWT_ACCESS_SECRET: 'a'.repeat(40) });
    expect(config.describe()['DATABASE_URL']).toBe('********');
    expect(config.describe()['JWT_ACCESS_SECRET']).toBe('********');
  });

  it('parses a trusted proxy list and a hop count', () => {
    expect(AppConfig.fromEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).values.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(AppConfig.fromEnv({ TRUST_PROXY: '2' }).values.trustProxy).toBe(2);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(resolve(PROJECT_ROOT, '.env.example'), 'utf8');
    const missing = Object.values(configSchema)
      .map((v) => v.env)
      .filter((name) => !new RegExp(`^#?\\s*${name}=`, 'm').test(example));
    expect(missing).toEqual([]);
  });
});
