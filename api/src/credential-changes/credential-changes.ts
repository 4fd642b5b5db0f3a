import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/index.js';
import { NotificationListener } from '../database/index.js';
import { CredentialCache } from './credential-cache.js';

/** Notified by the triggers of migration CredentialChangeNotices1795503300000: an account id, or `*`. */
export const CREDENTIALS_CHANNEL = 'aiparksit_credentials';
const EVERY_ACCOUNT = '*';

/**
 * Hears which accounts' credentials changed, on any instance, and makes this instance's
 * credential caches forget them. The notices come from triggers, in the transaction that made the
 * change. While the listening connection is down the caches are off (every check asks the
 * database), and they start empty when it is back: notices sent meanwhile are lost.
 */
@Injectable()
export class CredentialChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly caches: CredentialCache<unknown>[] = [];
  private readonly listener: NotificationListener;
  private readonly logger = new Logger('CredentialChanges');
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(config: AppConfig, dataSource: DataSource) {
    this.ttlMs = config.values.credentialCacheTtlMs;
    this.maxEntries = config.values.credentialCacheMaxEntries;
    this.listener = new NotificationListener({
      connectionString: (dataSource.options as { url?: string }).url ?? '',
      channel: CREDENTIALS_CHANNEL,
      applicationName: `aiparksit-credentials/${process.pid}`,
      onNotification: (payload) => this.heard(payload),
      onListening: (again) => {
        if (again) this.logger.warn('Listening for credential changes again; the credential caches start empty.');
        for (const cache of this.caches) cache.setEnabled(true);
      },
      onLost: (error) => {
        this.logger.warn(`Lost the credential-change listener${error ? `: ${error.message}` : ''}; checking credentials in the database until it is back.`);
        for (const cache of this.caches) cache.setEnabled(false);
      },
    });
  }

  /** A cache that forgets an account whenever its credentials change; off until the listener is up. */
  cache<V>(): CredentialCache<V> {
    const cache = new CredentialCache<V>({ ttlMs: this.ttlMs, maxEntries: this.maxEntries });
    if (this.listener.connected) cache.setEnabled(true);
    this.caches.push(cache as CredentialCache<unknown>);
    return cache;
  }

  /** Forgets an account here at once, before the notice of the same change arrives. */
  forgetAccount(accountId: string): void {
    for (const cache of this.caches) cache.forgetAccount(accountId);
  }

  onApplicationBootstrap(): void {
    if (this.ttlMs > 0) this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const cache of this.caches) cache.setEnabled(false);
    await this.listener.stop();
  }

  private heard(payload: string | undefined): void {
    if (!payload) return;
    if (payload === EVERY_ACCOUNT) for (const cache of this.caches) cache.clear();
    else this.forgetAccount(payload);
  }
}
