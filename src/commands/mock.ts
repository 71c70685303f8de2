import { TEST_CLIENT } from '../mock/clients.js';
import { parseLatency, startMock } from '../mock/index.js';
import { loadSpec } from '../description/index.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { isLoopbackHost } from '../mock/loopback.js';
import { consentLines } from './consent-url.js';
import type { Io } from './run-command.js';

export interface MockArgs {
  spec: string;
  host: string;
  port: number;
  autoApprove: boolean;
  accessTokenTtl: number;
  latency?: string;
  /** Listen on a non-loopback host (e.g. a container's port mapping): refused without it. */
  allowRemote?: boolean;
}

/** `mock`: serves the local Pleo until SIGINT or SIGTERM. */
export async function mockCommand(args: MockArgs, io: Io): Promise<number> {
  const remote = !isLoopbackHost(args.host);
  if (remote && !args.allowRemote) {
    throw new UserError(
      `--host ${args.host} is not a loopback address: the mock hands tokens to anyone who can reach it (its test client secret is published and --auto-approve skips consent); use 127.0.0.1, or pass --allow-remote if you mean it (e.g. a container's port mapping)`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
  const spec = await loadSpec(args.spec, { onWarning: io.err });
  const mock = await startMock({
    spec,
    host: args.host,
    port: args.port,
    autoApprove: args.autoApprove,
    accessTokenTtlSeconds: args.accessTokenTtl,
    ...(args.latency !== undefined ? { latency: parseLatency(args.latency) } : {}),
  });
  io.out(`local Pleo mock listening on ${mock.url}`);
  if (args.latency !== undefined) io.out(`latency: ${args.latency} ms before every response`);
  if (remote) {
    io.err(
      `warning: listening on ${args.host} (--allow-remote): anyone who can reach this port can get tokens with the published test client${args.autoApprove ? ', without a consent page (--auto-approve)' : ''}`,
    );
  }
  io.out(
    `test client: client_id=${TEST_CLIENT.id} client_secret=${TEST_CLIENT.secret} (local test credentials, not a Pleo secret)`,
  );
  io.out(consentLines(mock.url, spec, args.autoApprove).join('\n')); // one write: the start-up's last
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mock.close();
  io.out('mock stopped');
  return 0;
}
