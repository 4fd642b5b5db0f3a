import { request } from 'node:https';
import { request as plainRequest } from 'node:http';

export interface EdgeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Every header line as received, duplicates kept: `[name, value, name, value, …]`. */
  rawHeaders: string[];
  body: string;
  /** The body's bytes exactly as sent (compressed, when the response was). */
  bytes: Buffer;
}

export interface EdgeRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Source address of the connection (any 127.x.y.z works on Linux loopback). */
  localAddress?: string;
}

/**
 * One request to nginx on 127.0.0.1, verifying its certificate against the test's own CA —
 * no `rejectUnauthorized: false`. A raw client, so headers (duplicates included) arrive as sent.
 */
export function edgeRequest(url: string, options: EdgeRequest & { ca?: string } = {}): Promise<EdgeResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? request : plainRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress, ca: options.ca, servername: 'localhost', agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: bytes.toString('utf8'), bytes });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
