import pino, { type DestinationStream } from 'pino';
import type { Writable } from 'node:stream';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

/**
 * JSON everywhere a machine reads the logs (production, pipes, files, CI); one human line per
 * entry only for a person watching `npm start` in a terminal during development.
 */
export function logFormatFor(nodeEnv: string, stdoutIsTty: boolean): LogFormat {
  return nodeEnv === 'development' && stdoutIsTty ? 'pretty' : 'json';
}

/** The request log's fields that the human line's message already says. */
const REQUEST_FIELDS = ['method', 'path', 'statusCode', 'ms', 'userId', 'role', 'apiKeyId', 'ip'];

/** `GET /api/auth/me 200 1.3 ms driver` for a request line, the message itself for anything else. */
function humanMessage(log: Record<string, unknown>, messageKey: string): string {
  const message = String(log[messageKey] ?? '');
  if (log['statusCode'] === undefined || log['method'] === undefined) return message;
  const who = log['role'] ?? (log['apiKeyId'] !== undefined ? 'api key' : undefined);
  return `${String(log['method'])} ${String(log['path'])} ${String(log['statusCode'])} ${String(log['ms'])} ms${who ? ` ${String(who)}` : ''}`;
}

export interface LogStream {
  stream: DestinationStream;
  /** Writes out what is buffered; the process may exit right after. */
  flush(): void;
}

/**
 * Where the logs go. JSON lines through an asynchronous SonicBoom on stdout: a request never
 * waits on a write(2), and lines that come while one is in flight are written together by the
 * next. pino registers it to be flushed when the process exits; `flush()` is for a clean stop.
 * The human format is formatted on the main thread, synchronously: development only (tests give
 * `prettyOutput` to read it, uncoloured).
 */
export function createLogStream(format: LogFormat, prettyOutput?: Writable): LogStream {
  if (format === 'pretty') {
    const stream = pretty({
      colorize: prettyOutput === undefined,
      destination: prettyOutput ?? 1,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: ['pid', 'hostname', ...REQUEST_FIELDS].join(','),
      messageFormat: humanMessage,
      sync: true,
    });
    return { stream, flush: () => undefined };
  }
  const destination = pino.destination({ dest: 1, sync: false });
  return {
    stream: destination,
    flush: () => {
      try {
        destination.flushSync();
      } catch {
        // Not yet open (nothing written) or already closed: nothing to flush.
      }
    },
  };
}
