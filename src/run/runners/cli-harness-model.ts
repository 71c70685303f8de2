import type { CollectionModel, FolderModel, RequestItem } from '../../generate/index.js';
import { HARNESS_TOKENS_VARIABLE, SECURITY_FOLDER_NAME, TOKEN_FOLDER_NAME } from '../../generate/scripts/index.js';
import type { RunTokens } from '../tokens/run-tokens.js';
import type { CliAssertion } from './postman-cli-output.js';

/** The v3 folder the Postman CLI runs when the harness got the tokens, the tokens it needs, and what it reports itself. */
export interface CliHarnessModel {
  model: CollectionModel;
  /** Environment values: the harness's mark, and the probes' narrower tokens. */
  values: Record<string, string>;
  /** The token step and every check left out, as the CLI would have reported them. */
  assertions: CliAssertion[];
}

const quoted = (source: string, name: string): string | undefined => {
  const match = new RegExp(`var ${name} = (.+);$`, 'm').exec(source);
  return match?.[1] ? (JSON.parse(match[1]) as string | string[]).toString() : undefined;
};

const prerequest = (item: RequestItem) => item.scripts.find((s) => s.listen === 'prerequest')?.source ?? '';

const NOT_SENT = 'token: not sent, the token step failed';

/**
 * The Postman CLI cannot skip a request (`pm.execution.skipRequest()` breaks its run:
 * postmanlabs/postman-app-support#14153), so when the harness owns the tokens nothing is left for a
 * script to skip: the Token folder is left out (the harness reports its step), each Security
 * "narrower token" request is left out and its 403 probe gets the harness's narrower token (or is left
 * out, reported skipped with the reason), and after a failed token step only the requests without auth
 * run (the 401 checks); the others are reported not sent. Pure.
 */
export function cliHarnessModel(model: CollectionModel, tokens: RunTokens): CliHarnessModel {
  // Every request left needs no skipping: the scripts only learn that the harness has the tokens.
  const values: Record<string, string> = {
    [HARNESS_TOKENS_VARIABLE]: JSON.stringify({ test: tokens.test, narrow: {}, narrowSkipped: {} }),
  };
  const assertions: CliAssertion[] = [
    {
      item: `${TOKEN_FOLDER_NAME} / Get access token`,
      request: 'Get access token',
      name: tokens.test,
      outcome: tokens.failure ? 'failed' : 'passed',
      ...(tokens.failure ? { message: tokens.failure } : {}),
    },
  ];
  const skipped = (folder: FolderModel, item: RequestItem, name: string) =>
    assertions.push({ item: `${folder.name} / ${item.name}`, request: item.name, name, outcome: 'skipped' });
  const folders = model.folders
    .filter((folder) => folder.name !== TOKEN_FOLDER_NAME)
    .map((folder): FolderModel => {
      const items: RequestItem[] = [];
      for (let i = 0; i < folder.items.length; i++) {
        const item = folder.items[i]!;
        const required = folder.name === SECURITY_FOLDER_NAME ? quoted(prerequest(item), 'REQUIRED') : undefined;
        if (required !== undefined) {
          const probe = folder.items[i + 1];
          if (!probe) continue;
          i++;
          const key = required.split(',').join(' ');
          const token = tokens.narrow[key];
          const testName = quoted(prerequest(item), 'TEST_NAME') ?? probe.name;
          if (tokens.failure) {
            // As under Newman: the narrowing skipped, the probe not sent.
            skipped(folder, item, `${testName} (skipped: the token step failed)`);
            skipped(folder, probe, NOT_SENT);
          } else if (!token)
            skipped(folder, probe, `${testName} (skipped: ${tokens.narrowSkipped[key] ?? 'no narrower token'})`);
          else {
            const variable = `pleoHarnessNarrowToken${Object.keys(values).length}`;
            values[variable] = token;
            items.push({
              ...probe,
              request: { ...probe.request, auth: { type: 'bearer', token: `{{${variable}}}` } },
              scripts: probe.scripts.filter((s) => s.listen !== 'prerequest'),
            });
          }
          continue;
        }
        if (tokens.failure && item.request.auth?.type !== 'noauth') {
          skipped(folder, item, NOT_SENT);
          continue;
        }
        items.push(item);
      }
      return { ...folder, items };
    })
    .filter((folder) => folder.items.length > 0);
  return { model: { ...model, folders }, values, assertions };
}
