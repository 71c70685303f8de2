import type { Failure } from '../reporting/summary.js';

/** One assertion as the Postman CLI's `cli` reporter printed it. */
export interface CliAssertion {
  /** `Folder / Request`, as the CLI names the request the assertion ran for. */
  item: string;
  /** The request's own name (what Newman's failures name). */
  request: string;
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** The failure's message, from the CLI's list of failures. */
  message?: string;
}

export interface CliRun {
  assertions: CliAssertion[];
  requests: { total: number; failed: number };
  failures: Failure[];
  /** False when the CLI never printed its closing table (it crashed or was stopped). */
  completed: boolean;
}

const SECTION = /^(Folder|Sub-folder|Root) (.+)$/;
const PASS = /^ {2}Pass {2}(.+)$/;
const SKIP = /^ {2}- {2}\[skipped\] (.+)$/;
const FAIL = /^ {1,2}(\d+)\. (\S.*)$/;
const ROW = /^\|\s+(requests|assertions)\s+\|\s+(\d+)\s+\|\s+(\d+)\s+\|$/;
const DETAIL = /^\s*(\d+)\.\s+\S+\s{2,}(.+?)\s*$/;
const INSIDE = /^\s*inside "(.+)"\s*$/;
const AT = /^\s*at .+ in (?:test|prerequest|pre-request)-script\s*$/;

/**
 * Reads the run from the Postman CLI's `cli` reporter: the only reporter it offers for a v3
 * collection folder ("json", "junit" and "html" are refused for these "multi-protocol collections"),
 * so pleo-postman builds its summary and its JUnit and JSON reports from this text. The format read:
 * `Folder NAME` / `Sub-folder NAME` / `Root NAME` before each request's lines, `  Pass  NAME`,
 * `  -  [skipped] NAME`, `  N. NAME` for the N-th failure, the closing table's `requests` and
 * `assertions` rows, then each failure as ` NN.  AssertionError  NAME`, its message lines, `at …`
 * and `inside "Folder / Request"`.
 */
export function parseCliRun(text: string): CliRun {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const assertions: CliAssertion[] = [];
  const numbered = new Map<number, CliAssertion>();
  const path: string[] = [];
  const counts: Record<string, { total: number; failed: number }> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const row = ROW.exec(line);
    if (row) {
      counts[row[1]!] = { total: Number(row[2]), failed: Number(row[3]) };
      continue;
    }
    if (counts.assertions && /^ *\d+\. {2}/.test(line)) break; // the list of failures after the table
    const section = SECTION.exec(line);
    if (section) {
      if (section[1] === 'Folder') path.splice(0, path.length, section[2]!);
      else if (section[1] === 'Sub-folder') path.splice(1, path.length, section[2]!);
      else path.splice(0, path.length, section[2]!);
      continue;
    }
    const item = path.join(' / ');
    const request = path.at(-1) ?? '';
    const pass = PASS.exec(line);
    if (pass) {
      assertions.push({ item, request, name: pass[1]!, outcome: 'passed' });
      continue;
    }
    const skip = SKIP.exec(line);
    if (skip) {
      assertions.push({ item, request, name: skip[1]!, outcome: 'skipped' });
      continue;
    }
    const fail = FAIL.exec(line);
    if (fail) {
      const assertion: CliAssertion = { item, request, name: fail[2]!, outcome: 'failed' };
      numbered.set(Number(fail[1]), assertion);
      assertions.push(assertion);
    }
  }
  const failures: Failure[] = [];
  for (; i < lines.length; i++) {
    const detail = DETAIL.exec(lines[i] ?? '');
    if (!detail) continue;
    const message: string[] = [];
    let inside: string | undefined;
    for (i++; i < lines.length && !DETAIL.exec(lines[i] ?? ''); i++) {
      const line = lines[i] ?? '';
      const where = INSIDE.exec(line);
      if (where) inside = where[1];
      else if (!AT.test(line) && line.trim().length > 0 && inside === undefined) message.push(line.trim());
    }
    i--;
    const assertion = numbered.get(Number(detail[1]));
    if (assertion) assertion.message = message.join(' ');
    const request = assertion?.request ?? inside?.split(' / ').at(-1) ?? '';
    failures.push({ item: request, test: detail[2]!, message: message.join(' ') });
  }
  return {
    assertions,
    requests: counts.requests ?? { total: 0, failed: 0 },
    failures,
    completed: counts.assertions !== undefined,
  };
}

/** The CLI's first lines when no Postman account is logged in: we never log in, so they are noise. */
const LOGIN_NOTICE =
  /^No authorization data found\. Please use the `?postman login`? command\.\r?\n(?:Refer:\s*\S*postman-login\S*\r?\n)?(?:\r?\n)?/;

/**
 * The CLI's output without its "No authorization data found. Please use the postman login command."
 * notice: the runner runs offline with a home of its own on purpose (never logged in, nothing
 * published), which `test` says before the run starts.
 */
export const withoutLoginNotice = (text: string): string => text.replace(LOGIN_NOTICE, '');
