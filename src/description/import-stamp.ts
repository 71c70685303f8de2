import { createHash } from 'node:crypto';

/**
 * The line an import records in the description's header: how many requests it wrote, the hash of
 * its inputs (src/openapi/input-hash.ts), the hash of the rest of the text it wrote, and the
 * importer's version (src/shared/importer-version.ts). An import writes only a description that
 * validates, so an intact stamp of this importer says the text passed this validator. Pure.
 */
export interface ImportStamp {
  requests: number;
  inputs: string;
  output: string;
  /** Absent in stamps written before it was recorded. */
  importer?: string;
}

const PREFIX = '# Import fingerprint (import-openapi --check answers from it): ';
const STAMP =
  /^# Import fingerprint \(import-openapi --check answers from it\): (\d+) requests?, inputs ([0-9a-f]{64}), output ([0-9a-f]{64})(?:, importer ([0-9a-z]+))?$/;

const lines = (text: string): string[] => text.split('\n');

/** The description without its stamp line (the text the output hash covers). */
export function withoutStamp(text: string): string {
  return lines(text)
    .filter((line) => !line.startsWith(PREFIX))
    .join('\n');
}

const outputHash = (body: string, requests: number): string =>
  createHash('sha256').update(`${requests}\n`).update(body).digest('hex');

/** The description with its stamp: one line after the header's other comments, replacing an earlier stamp. */
export function stampDescription(text: string, inputs: string, requests: number, importer: string): string {
  const body = withoutStamp(text);
  const all = lines(body);
  const headerEnd = all.findIndex((line) => !line.startsWith('#'));
  const at = headerEnd < 0 ? all.length : headerEnd;
  const stamp = `${PREFIX}${requests} request${requests === 1 ? '' : 's'}, inputs ${inputs}, output ${outputHash(body, requests)}, importer ${importer}`;
  return [...all.slice(0, at), stamp, ...all.slice(at)].join('\n');
}

/** The stamp a description records, when it has one and the rest of its text is what that stamp hashed. */
export function intactStamp(text: string): ImportStamp | undefined {
  const line = lines(text).find((l) => l.startsWith(PREFIX));
  const match = line === undefined ? null : STAMP.exec(line);
  if (!match) return undefined;
  const stamp = {
    requests: Number(match[1]),
    inputs: match[2]!,
    output: match[3]!,
    ...(match[4] ? { importer: match[4] } : {}),
  };
  return outputHash(withoutStamp(text), stamp.requests) === stamp.output ? stamp : undefined;
}
