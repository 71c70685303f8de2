import type { CollectionModel } from '../../generate/index.js';
import type { HtmlReportData, ReportFolder } from './html-data.js';
import type { CliRun } from '../runners/postman-cli-output.js';
import { countNegativeCases } from './negative.js';

/**
 * The HTML report's data for a Postman CLI run: every request of the run (the model's folders and
 * requests, only the selected ones with `--folder`), each with the assertions the CLI printed for it
 * (`Folder / Request`); method, URL and descriptions from the model. The CLI's `cli` reporter gives no
 * per-request status, so none is shown. Counts are the run's: the table's requests, the assertions read.
 */
export function cliHtmlReportData(
  model: CollectionModel,
  run: CliRun,
  only: readonly string[],
  title: string,
  durationMs: number,
): HtmlReportData {
  const byItem = new Map<string, CliRun['assertions']>();
  for (const a of run.assertions) byItem.set(a.item, [...(byItem.get(a.item) ?? []), a]);
  const selected = (folder: string, request: string) =>
    only.length === 0 || only.includes(folder) || only.includes(request) || byItem.has(`${folder} / ${request}`);
  const folders: ReportFolder[] = model.folders
    .map((f) => ({
      name: f.name,
      description: f.description,
      requests: f.items
        .filter((i) => selected(f.name, i.name))
        .map((i) => ({
          name: i.name,
          description: i.description ?? '',
          method: i.request.method,
          url: i.request.url.raw,
          assertions: (byItem.get(`${f.name} / ${i.name}`) ?? []).map((a) => ({
            name: a.name,
            outcome: a.outcome,
            ...(a.message && a.outcome === 'failed' ? { message: a.message } : {}),
          })),
        })),
    }))
    .filter((f) => f.requests.length > 0);
  const count = (outcome: string) => run.assertions.filter((a) => a.outcome === outcome).length;
  return {
    title,
    counts: {
      requests: run.requests,
      assertions: {
        total: run.assertions.length,
        passed: count('passed'),
        failed: count('failed'),
        skipped: count('skipped'),
      },
      scriptErrors: 0,
      negativeCases: countNegativeCases(run.assertions.map((a) => a.name)),
      notSent: run.assertions.filter(
        (a) => a.outcome === 'skipped' && a.name === 'token: not sent, the token step failed',
      ).length,
    },
    durationMs,
    folders,
  };
}
