import type { ApiDescription, RequestDef } from '../description/index.js';
import type { Latency } from './latency.js';

/** What the mock is about to answer to a request of the description. */
export interface TamperContext {
  request: RequestDef;
  status: number;
  body: unknown;
}

/** A replacement answer, or undefined to keep the mock's own. */
export type TamperResult = { status: number; body: unknown } | undefined;

export interface MockOptions {
  spec: ApiDescription;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; default 4010; 0 picks a free one. */
  port?: number;
  /** Skip the consent page: GET at the authorization endpoint redirects with a code at once. */
  autoApprove?: boolean;
  /** Access token lifetime; default 900 (15 minutes, as Pleo documented once). */
  accessTokenTtlSeconds?: number;
  /** Contract-test hook: change an answer on purpose. Default: none. */
  tamper?: (ctx: TamperContext) => TamperResult;
  /** Contract-test hook: false skips the scope check of a request. Default: every scope enforced. */
  enforceScopes?: (request: RequestDef) => boolean;
  /**
   * Test hook: an API that accepts everything its contract forbids: request bodies are not checked
   * (a body that is not JSON is taken as none) and an unknown id is answered like a known one.
   * The Negative folder must fail against it. Default false.
   */
  lenient?: boolean;
  /** Simulated network delay before every response (`mock --latency MS[,JITTER]`); default none. */
  latency?: Latency;
  /** Receives one line per request (method, path, status, time); never secrets, tokens or query strings. */
  log?: (line: string) => void;
}

export interface RunningMock {
  /** Base URL of both the authorisation server and the API, e.g. `http://127.0.0.1:4010`. */
  url: string;
  close(): Promise<void>;
}
