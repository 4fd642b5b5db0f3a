import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogStream, logFormatFor } from './log-stream.js';

describe('logFormatFor', () => {
  it('reads as human lines only in development on a terminal', () => {
    expect(logFormatFor('development', true)).toBe('pretty');
  });

  it('writes JSON to pipes and files, and in production or tests even on a terminal', () => {
    expect(logFormatFor('development', false)).toBe('json');
    expect(logFormatFor('production', true)).toBe('json');
    expect(logFormatFor('production', false)).toBe('json');
    expect(logFormatFor('test', true)).toBe('json');
  });
});

describe('createLogStream', () => {
  it('gives an asynchronous destination for JSON', () => {
    const { stream, flush } = createLogStream('json');
    expect(stream.constructor.name).toBe('SonicBoom');
    expect(() => flush()).not.toThrow();
  });

  it('prints a request as one human line with its method, path, status, time, role and request id', () => {
    const printed: string[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        printed.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: 'info' }, createLogStream('pretty', output).stream);
    logger
      .child({ reqId: 'req-0001' })
      .info({ method: 'GET', path: '/api/auth/me', statusCode: 200, ms: 1.3, userId: 'u1', role: 'driver' }, 'request completed');
    logger.info('Nest application successfully started');
    const lines = printed.join('').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('INFO');
    expect(lines[0]).toContain('GET /api/auth/me 200 1.3 ms driver');
    expect(lines[0]).toContain('req-0001');
    expect(lines[0]).not.toContain('statusCode');
    expect(lines[1]).toContain('Nest application successfully started');
  });
});
