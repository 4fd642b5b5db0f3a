import WebSocket, { type ClientOptions } from 'ws';

/** A connected `ws` client that hands out the server's frames one at a time, in order. */
export interface TestSocket {
  socket: WebSocket;
  send(frame: string | object): void;
  /** The next frame the server sends, parsed as JSON. */
  nextMessage(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** `http://host:port` → `ws://host:port` (and https → wss). */
export function toWebSocketUrl(httpUrl: string, path: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}${path}`;
}

export function openTestSocket(url: string, options: ClientOptions = {}): Promise<TestSocket> {
  const socket = new WebSocket(url, options);
  const queued: Record<string, unknown>[] = [];
  const waiting: ((message: Record<string, unknown>) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Record<string, unknown>;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queued.push(message);
  });

  const handle: TestSocket = {
    socket,
    send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    nextMessage: () =>
      new Promise((resolve, reject) => {
        const message = queued.shift();
        if (message) return resolve(message);
        if (socket.readyState !== WebSocket.OPEN) return reject(new Error(`The socket is not open (state ${socket.readyState}).`));
        socket.once('close', (code) => reject(new Error(`The socket closed (${code}) before the server answered.`)));
        waiting.push(resolve);
      }),
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };

  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(handle));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`The upgrade was answered with HTTP ${response.statusCode}.`)));
  });
}
