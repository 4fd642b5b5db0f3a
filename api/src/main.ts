import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { AppConfig, ConfigError } from './config/index.js';
import { configureHttp, createHttpAdapter, createLogStream, logFormatFor } from './common/http/index.js';
import { resolveDatabase, type DatabaseTarget, createDataSource, runMigrations } from './database/index.js';
import { prepareDemoData, DEMO_ACCOUNTS } from './seed/index.js';
import { RealtimeWsAdapter } from './realtime/index.js';
import { installTelemetry } from './telemetry/index.js';

/**
 * Starts the API: config, database (embedded unless DATABASE_URL), migrations, demo data on an
 * empty database when asked, then HTTP + WebSocket on one port. SIGINT/SIGTERM/SIGHUP stop it
 * cleanly, embedded PostgreSQL included (after the last request), so the next start finds its data
 * intact; after a hard kill the next start stops the PostgreSQL left running and starts its own.
 */
async function main(): Promise<void> {
  const say = (message: string) => process.stdout.write(`${message}\n`);
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logFormat = logFormatFor(config.values.nodeEnv, process.stdout.isTTY === true);
  const logStream = createLogStream(logFormat);
  let database: DatabaseTarget | undefined;
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    await app?.close().catch(() => undefined);
    logStream.flush();
    if (database?.embedded) {
      say('Stopping embedded PostgreSQL…');
      await database.embedded.stop().catch(() => undefined);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A closed terminal: PostgreSQL runs in its own process group and would not hear of it.
  process.on('SIGHUP', () => void stop('SIGHUP'));

  try {
    // PostgreSQL in a process group of its own: a Ctrl-C stops it only after the last request.
    database = await resolveDatabase(config, say, { ownProcessGroup: true });
    const setup = createDataSource({ url: database.url, poolSize: 2, applicationName: 'aiparksit-migrate' });
    await setup.initialize();
    try {
      const applied = await runMigrations(setup);
      if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
      if (config.values.loadDemoData) await prepareDemoData(setup, say);
    } finally {
      await setup.destroy();
    }

    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, databaseUrl: database.url }), createHttpAdapter(config, logStream), {
      // Nest's own messages (start-up, lifecycle): JSON like the request log, or readable on a terminal.
      logger: new ConsoleLogger({ json: logFormat === 'json', logLevels: config.values.logLevel === 'silent' ? [] : ['log', 'error', 'warn', 'fatal'] }),
      abortOnError: false,
    });
    app.enableShutdownHooks();
    app.useWebSocketAdapter(new RealtimeWsAdapter(app));
    await configureHttp(app, config);
    installTelemetry(app);
    await app.listen({ port: config.values.port, host: config.values.host });

    const url = `http://${config.values.host === '0.0.0.0' ? 'localhost' : config.values.host}:${config.values.port}`;
    say(`\nAIParksit is running at ${url}`);
    say(`  API docs: ${url}/api/docs   health: ${url}/api/health   WebSocket: ${url.replace('http', 'ws')}/ws`);
    if (config.values.loadDemoData) printDemoAccounts(say);
    say('Press Ctrl-C to stop.');
  } catch (error) {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await app?.close().catch(() => undefined);
    logStream.flush();
    await database?.embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

function printDemoAccounts(say: (m: string) => void): void {
  say('\nDemo accounts (one per role):');
  for (const account of DEMO_ACCOUNTS) say(`  ${account.role.padEnd(9)} ${account.email.padEnd(32)} ${account.password}`);
}

await main();
