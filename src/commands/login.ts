import { endpointTemplates, endpointUrls, loadSpec, type ApiDescription } from '../description/index.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { buildEnvironment, neededScopes } from '../generate/index.js';
import { DEFAULT_LOGIN_PORT, login, type LoginOptions } from '../login/flow.js';
import {
  deleteStoredTokens,
  environmentLabel,
  listStoredTokens,
  storedTokenPath,
  type StoredTokenInfo,
} from '../login/token-store.js';
import {
  CREDENTIAL_VARIABLES,
  environmentValue,
  lockTokenFile,
  resolveTarget,
  writeRefreshTokenFileSync,
  type EnvironmentJson,
} from '../run/index.js';
import { askOnTerminal } from './prompt.js';
import type { Io } from './run-command.js';
import { checkEnvName } from './env-names.js';

export interface LoginArgs {
  spec: string;
  env?: string;
  port: number;
  open: boolean;
  print: boolean;
  status: boolean;
}

export interface LogoutArgs {
  env: string;
}

/** What the command needs from the outside world; tests replace it. */
export interface LoginDeps {
  openBrowser: (url: string) => Promise<void>;
  ask: (question: string, hidden: boolean) => Promise<string>;
  isTty: boolean;
  timeoutMs?: number;
}

const defaultDeps = (): LoginDeps => ({
  openBrowser: async (url) => {
    const { default: open } = await import('open');
    await open(url, { wait: false });
  },
  ask: askOnTerminal,
  isTty: Boolean(process.stdin.isTTY && process.stderr.isTTY),
});

async function loginEnvironment(spec: ApiDescription, env: string): Promise<EnvironmentJson> {
  if (env === 'local') return buildEnvironment(spec, 'local', neededScopes(spec));
  const target = await resolveTarget(spec, env);
  if (target.kind !== 'remote') throw new Error(`unexpected target for ${env}`);
  return target.environment;
}

async function clientCredentials(
  environment: EnvironmentJson,
  processEnv: Record<string, string | undefined>,
  deps: LoginDeps,
): Promise<{ clientId: string; clientSecret: string }> {
  const given = (key: 'clientId' | 'clientSecret') =>
    (processEnv[CREDENTIAL_VARIABLES[key]] ?? '').trim() || environmentValue(environment, key).trim();
  let clientId = given('clientId');
  let clientSecret = given('clientSecret');
  const missing = [
    clientId ? '' : CREDENTIAL_VARIABLES.clientId,
    clientSecret ? '' : CREDENTIAL_VARIABLES.clientSecret,
  ].filter(Boolean);
  if (missing.length > 0 && !deps.isTty) {
    throw new UserError(
      `login: missing credentials: set ${missing.join(', ')} in the environment (or run login in a terminal to be asked)`,
      ERROR_CODES.CREDENTIALS_MISSING,
    );
  }
  if (!clientId) clientId = await deps.ask('Pleo client ID: ', false);
  if (!clientSecret) clientSecret = await deps.ask('Pleo client secret (not shown): ', true);
  if (!clientId || !clientSecret) {
    throw new UserError('login: a client ID and a client secret are both needed', ERROR_CODES.CREDENTIALS_MISSING);
  }
  return { clientId, clientSecret };
}

const describeStored = (t: StoredTokenInfo) =>
  `client ${t.clientId}: a token is stored, last rotated ${t.lastRotated.toISOString()} (${t.path})`;

/** `login --status`: per environment, whether a token is stored and when it was last rotated; never the token. */
export async function loginStatus(io: Io, processEnv: Record<string, string | undefined>): Promise<number> {
  const stored = await listStoredTokens(processEnv);
  const environments = [...new Set(['staging', 'production', 'local', ...stored.map((t) => t.environment)])];
  for (const env of environments) {
    const mine = stored.filter((t) => t.environment === env);
    if (mine.length === 0) io.out(`${env}: no token stored`);
    for (const t of mine) io.out(`${env}: ${describeStored(t)}`);
  }
  return 0;
}

/**
 * `login --env staging|production|local|FILE`: the browser login (RFC 8252), then the refresh token
 * stored in the user's config folder (one file per environment and client, 0600), or printed with
 * `--print` for a CI secret store.
 */
export async function loginCommand(
  args: LoginArgs,
  io: Io,
  processEnv: Record<string, string | undefined> = process.env,
  deps: LoginDeps = defaultDeps(),
): Promise<number> {
  if (args.status) return loginStatus(io, processEnv);
  if (!args.env) {
    throw new UserError(
      'login: name the environment: --env staging, production, local or FILE',
      ERROR_CODES.OPTION_INVALID,
    );
  }
  const env = args.env;
  checkEnvName(env);
  const spec = await loadSpec(args.spec);
  const environment = await loginEnvironment(spec, env);
  const authServerUrl = environmentValue(environment, 'authServerUrl');
  const endpoints = endpointUrls(endpointTemplates(spec), (name) => environmentValue(environment, name));
  const { clientId, clientSecret } = await clientCredentials(environment, processEnv, deps);
  const label = environmentLabel(env);
  const path = storedTokenPath(label, clientId, processEnv);
  const lock = args.print ? undefined : await lockTokenFile(path, { onNotice: (m) => io.err(`notice: ${m}`) });
  try {
    const options: LoginOptions = {
      authorizeUrl: endpoints.authorize,
      tokenUrl: endpoints.token,
      clientId,
      clientSecret,
      scope: environmentValue(environment, 'scopes'),
      port: args.port ?? DEFAULT_LOGIN_PORT,
      environment: label,
      onAuthorizeUrl: (url) => {
        io.err(
          args.open
            ? `opening your browser to log in to ${authServerUrl}; if it does not open, visit:\n  ${url}`
            : `open this URL in a browser to log in to ${authServerUrl}:\n  ${url}`,
        );
        io.err('waiting for the browser (5 minutes at most)…');
      },
      ...(args.open ? { openBrowser: deps.openBrowser } : {}),
      keep: (token) => (args.print ? io.out(token) : writeRefreshTokenFileSync(path, token)),
      keptWhere: args.print
        ? 'printed in your terminal, for your secret store'
        : 'kept on this computer, readable by you only',
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    };
    const result = await login(options);
    if (args.print) {
      io.err('logged in: the refresh token is on stdout; treat it as a secret (store it as PLEO_REFRESH_TOKEN)');
    } else {
      io.err(
        `logged in to ${label} as ${clientId}${result.scope ? ` (scopes: ${result.scope})` : ''}: the refresh token is stored in ${path} (mode 0600); ${
          env === 'local'
            ? '`pleo-postman test --env local` does not use it: it starts a mock of its own and gets its token there'
            : `\`pleo-postman test --env ${env}\` uses it`
        }`,
      );
    }
    return 0;
  } finally {
    await lock?.release();
  }
}

/** `logout --env …`: deletes the stored token(s) of that environment (of PLEO_CLIENT_ID's client when set). */
export async function logoutCommand(
  args: LogoutArgs,
  io: Io,
  processEnv: Record<string, string | undefined> = process.env,
): Promise<number> {
  checkEnvName(args.env);
  const label = environmentLabel(args.env);
  const clientId = (processEnv[CREDENTIAL_VARIABLES.clientId] ?? '').trim() || undefined;
  const deleted = await deleteStoredTokens(label, clientId, processEnv);
  if (deleted.length === 0) {
    io.out(`no token stored for ${label}${clientId ? ` and client ${clientId}` : ''}: nothing to delete`);
    return 0;
  }
  for (const t of deleted) io.out(`deleted the stored token for ${label}, client ${t.clientId} (${t.path})`);
  io.out(
    'the grant stays valid at Pleo until it expires or the installation is removed; the token is gone from this computer',
  );
  return 0;
}
