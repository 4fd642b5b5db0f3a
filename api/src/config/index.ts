/** Configuration: every setting read once from the environment, validated, injected as `AppConfig`. */
export { AppConfig, ConfigError, PROJECT_ROOT } from './app-config.js';
export { ConfigModule } from './config.module.js';
export type { AppConfigValues } from './config.schema.js';
export { configSchema } from './config.schema.js';
