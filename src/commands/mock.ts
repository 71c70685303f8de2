import { TEST_CLIENT } from '../mock/clients.js';
import { parseLatency, startMock } from '../mock/index.js';
import { loadSpec } from '../description/index.js';
import type { Io } from './run-command.js';

export interface MockArgs {
  spec: string;
  host: string;
  port: number;
  autoApprove: boolean;
  accessTokenTtl: number;
  latency?: string;
}

/** `mock`: serves the local Pleo until SIGINT or SIGTERM. */
export async function mockCommand(args: MockArgs, io: Io): Promise<number> {
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
  io.out(
    `test client: client_id=${TEST_CLIENT.id} client_secret=${TEST_CLIENT.secret} (local test credentials, not a Pleo secret)`,
  );
  io.out(
    `consent page: ${mock.url}/oauth/authorize (auto-approve ${args.autoApprove ? 'on' : 'off'}); press Ctrl+C to stop`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mock.close();
  io.out('mock stopped');
  return 0;
}
