import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionModel, type CollectionModel } from '../../../src/generate/index.js';
import { cliHtmlReportData } from '../../../src/run/reporting/cli-html-data.js';
import { renderHtmlReport } from '../../../src/run/reporting/html-report.js';
import { parseCliRun } from '../../../src/run/runners/postman-cli-output.js';
import { loadDefault } from '../../helpers/specs.js';
import { escapeHtml, htmlCards } from '../helpers/html-cards.js';

/** A real run of the Postman CLI 1.34.0 (cli reporter) on our v3 folder with a wrong client secret (-i Token -i Vendors). */
const FAILING = readFileSync('test/fixtures/postman-cli/run-failing.txt', 'utf8');

describe('the HTML report of a Postman CLI run', () => {
  let model: CollectionModel;
  beforeAll(async () => {
    model = buildCollectionModel(await loadDefault()).model;
  });
  const run = parseCliRun(FAILING);

  it('lists the selected folders and every request of them, each with the assertions the CLI printed for it', () => {
    const data = cliHtmlReportData(model, run, ['Token', 'Vendors'], 'Pleo API', 1234);
    expect(data.folders.map((f) => f.name)).toEqual(['Token', 'Vendors']);
    const vendors = model.folders.find((f) => f.name === 'Vendors')!;
    expect(data.folders[1]!.requests.map((r) => r.name)).toEqual(vendors.items.map((i) => i.name));
    const create = data.folders[1]!.requests.find((r) => r.name === 'Create vendor')!;
    expect(create.method).toBe('POST');
    expect(create.assertions.find((a) => a.name === 'POST /v1/vendors → 201')).toEqual({
      name: 'POST /v1/vendors → 201',
      outcome: 'failed',
      message: 'expected response to have status code 201 but got 401',
    });
    const listed = data.folders.flatMap((f) => f.requests.flatMap((r) => r.assertions));
    expect(listed).toHaveLength(run.assertions.length);
  });

  it('shows the same counts as the run, and every request name, in the rendered HTML', () => {
    const html = renderHtmlReport(cliHtmlReportData(model, run, ['Token', 'Vendors'], 'Pleo API', 1234));
    expect(htmlCards(html)).toEqual({ assertions: 32, passed: 10, failed: 13, skipped: 9 });
    expect(html).toContain('7 requests, 32 assertions in 1.2 s');
    for (const name of new Set(run.assertions.map((a) => a.request)))
      expect(html).toContain(`</span> ${escapeHtml(name)} <span`);
    expect(html).not.toContain('<script');
  });

  it('without --folder, shows every folder of the collection', () => {
    const data = cliHtmlReportData(model, run, [], 'Pleo API', 0);
    expect(data.folders.map((f) => f.name)).toEqual(model.folders.map((f) => f.name));
  });
});
