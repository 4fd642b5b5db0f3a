import { jest } from '@jest/globals';
import { ErrorLog, type PendingErrorGroup } from '../common/errors/index.js';
import { AppConfig } from '../config/index.js';
import { ErrorLogFlusher } from './error-log-flusher.js';
import type { ErrorLogRepository } from './error-log.repository.js';

/** Records what would be written; a write fails while `failing` is set, as a database outage would. */
function recordingRepository() {
  const written: PendingErrorGroup[] = [];
  const state = { failing: false };
  const repository = {
    add: async (groups: PendingErrorGroup[]) => {
      if (state.failing) throw new Error('connection refused');
      written.push(...groups);
    },
    prune: async () => ({ hours: 0, groups: 0 }),
  } as unknown as ErrorLogRepository;
  return { repository, written, state };
}

describe('ErrorLogFlusher', () => {
  const config = AppConfig.fromEnv({ ERROR_LOG_FLUSH_MS: '60000', LOG_LEVEL: 'silent' });

  it('keeps counts a failed write could not store and writes them with the next flush', async () => {
    const errorLog = new ErrorLog();
    const { repository, written, state } = recordingRepository();
    const flusher = new ErrorLogFlusher(errorLog, repository, config);
    errorLog.record({ service: 'Email', type: 'Delivery failed', message: 'smtp down', critical: true });
    state.failing = true;
    await flusher.flush();
    expect(written).toEqual([]);
    errorLog.record({ service: 'Email', type: 'Delivery failed', message: 'smtp down' });
    state.failing = false;
    await flusher.flush();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ count: 2, critical: true });
  });

  it('records an unhandled rejection as a critical unhandled exception, flushes it, then exits with 1 as Node would', async () => {
    const errorLog = new ErrorLog();
    const { repository, written } = recordingRepository();
    const flusher = new ErrorLogFlusher(errorLog, repository, config);
    const exited = new Promise<unknown>((resolve) => {
      jest.spyOn(process, 'exit').mockImplementation(((code?: number) => resolve(code)) as never);
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const listenersBefore = process.listenerCount('uncaughtException');
    flusher.onApplicationBootstrap();
    expect(process.listenerCount('uncaughtException')).toBe(listenersBefore + 1);
    try {
      // As Node emits it for a rejection nobody handled (--unhandled-rejections=throw, the default).
      (process.emit as (event: string, ...args: unknown[]) => boolean)('uncaughtException', new TypeError('x is undefined'), 'unhandledRejection');
      expect(await exited).toBe(1);
      expect(written).toEqual([
        expect.objectContaining({ service: 'API', type: 'Unhandled exception', message: 'Unhandled rejection: TypeError: x is undefined', critical: true }),
      ]);
      expect(String(stderr.mock.calls[0]?.[0])).toContain('TypeError: x is undefined');
      // The listener is gone: a second failure while exiting gets Node's own handling.
      expect(process.listenerCount('uncaughtException')).toBe(listenersBefore);
    } finally {
      jest.restoreAllMocks();
      await flusher.beforeApplicationShutdown();
    }
  });
});
