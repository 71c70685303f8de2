import type { ReporterName } from '../reporting/reports.js';
import type { Shard } from './shard.js';

export interface ScaleOptions {
  /** Runners at once (`--parallel N`); default 1. */
  parallel?: number;
  /** Only this shard's folders (`--shard I/N`). */
  shard?: Shard;
  /** Called at once with every refresh token the server rotates to (the shared acquisition's first). */
  onRotatedRefreshToken?: (refreshToken: string) => Promise<void> | void;
  /**
   * true: runners spread over one worker thread per core where the built worker is there (dist/), so
   * Newman's scripts use both cores. Default false: all runners share this thread (less memory, Newman
   * loads once). Measured on a shared 2-core machine: threads 2.99x one runner at load 3.5, but 1.38x
   * (one thread 1.63x) at load 6: which wins depends on the machine's other work.
   */
  threads?: boolean;
}

/** What one run of the suite takes: collection, environment, reports, and how it is split. */
export interface SuiteOptions extends ScaleOptions {
  /** A Postman collection v2.1 (JSON), e.g. from `buildCollection`. */
  collection: { info?: { name?: string }; item?: unknown[]; auth?: unknown };
  /** A Postman environment (JSON), e.g. from `buildEnvironment` or an environment file. */
  environment: { name?: string; values?: Array<{ key: string; value: unknown }> };
  /** Overrides of environment values, as `--env-var key=value`: URLs and credentials. Never written to disk. */
  envVars?: Record<string, string>;
  /** A production run: writes are left out unless `allowWrites`. */
  production?: boolean;
  allowWrites?: boolean;
  /** Folders (or requests) to run; default all. */
  folders?: readonly string[];
  /** Default `['cli']`. */
  reporters?: readonly ReporterName[];
  /** Where file reports go; default `reports`. */
  reportDir?: string;
  /** Base name of report files; default `pleo-postman`. */
  reportName?: string;
  bail?: boolean;
  timeoutRequestMs?: number;
  /** Values to redact besides the secrets the run reveals (client secret, tokens). */
  secrets?: readonly string[];
  /** Told what is happening before Newman prints anything (e.g. `starting Newman…`), for stderr. */
  onProgress?: (message: string) => void;
  /**
   * Called synchronously with each refresh token the authorisation server issues, as soon as its
   * response arrives and before the run sends anything else: the place to write it to disk.
   */
  onRefreshToken?: (token: string) => void;
}
