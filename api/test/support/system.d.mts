import type { ChildProcess } from 'node:child_process';

export declare const REPO_ROOT: string;
export declare const TEST_SERVER_ENV: Record<string, string>;

export interface RunningApi {
  url: string;
  port: number;
  process: ChildProcess;
  /** What the server printed, for assertions and failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export declare function freePort(): Promise<number>;
export declare function startApiServer(env: Record<string, string | undefined>, timeoutMs?: number): Promise<RunningApi>;
export declare function startTestPostgres(root: string): Promise<RunningPostgres>;
