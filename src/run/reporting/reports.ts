import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { makeStaging, releaseStaging } from './staging.js';
import { join } from 'node:path';
import { ERROR_CODES, UserError } from '../../errors.js';
import type { NewmanRunSummary } from 'newman';
import { htmlReportData } from './html-data.js';
import { renderHtmlReport } from './html-report.js';
import { newmanJunitReport } from './newman-junit.js';
import { redactText } from './redact.js';

/** `html` is ours (self-contained, renders offline); `htmlextra` loads its styles and scripts from CDNs. */
export const REPORTERS = ['cli', 'junit', 'html', 'htmlextra', 'json'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** `cli,junit` → the list; throws a UserError naming the allowed reporters. */
export function parseReporters(value: string | readonly string[]): ReporterName[] {
  const names = (typeof value === 'string' ? value.split(',') : value).map((s) => s.trim()).filter((s) => s.length > 0);
  const unknown = names.filter((n) => !(REPORTERS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UserError(
      `--reporters: unknown reporter ${unknown.map((n) => `"${n}"`).join(', ')}; choose from ${REPORTERS.join(', ')}`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
  return [...new Set(names)] as ReporterName[];
}

/** File name of each file reporter's report, from a base name such as `pleo-postman-local`. */
export function reportFileName(reporter: Exclude<ReporterName, 'cli'>, base: string): string {
  switch (reporter) {
    case 'junit':
      return `${base}-junit.xml`;
    case 'html':
      return `${base}.html`;
    case 'htmlextra':
      return `${base}-htmlextra.html`;
    case 'json':
      return `${base}.json`;
    default:
      throw new Error(`unknown reporter "${String(reporter)}"; expected junit, html, htmlextra or json`);
  }
}

export interface ReportPlan {
  /** Newman's `reporters` and `reporter` options. */
  reporters: ReporterName[];
  reporter: Record<string, Record<string, unknown>>;
  /** Private directory (inside the report dir) the reporters write to, or undefined with cli only. */
  staging?: string;
  /** Where our own HTML report goes (in staging), written after the run: it is no Newman reporter. */
  html?: string;
  /** Where our own JUnit report goes (in staging): Newman's counts skipped assertions as passed. */
  junit?: string;
}

/**
 * Points every file reporter at a private staging directory (mode 0700) inside the report dir:
 * files only land in the report dir after redaction, by an atomic rename.
 */
export async function planReports(
  reporters: readonly ReporterName[],
  reportDir: string,
  base: string,
  title: string,
): Promise<ReportPlan> {
  const files = reporters.filter((r): r is Exclude<ReporterName, 'cli'> => r !== 'cli');
  if (files.length === 0) return { reporters: [...reporters], reporter: {} };
  await mkdir(reportDir, { recursive: true });
  const staging = await makeStaging(reportDir);
  const reporter: ReportPlan['reporter'] = {};
  const html = files.includes('html') ? join(staging, reportFileName('html', base)) : undefined;
  const junit = files.includes('junit') ? join(staging, reportFileName('junit', base)) : undefined;
  for (const name of files.filter((f) => f !== 'html' && f !== 'junit')) {
    const path = join(staging, reportFileName(name, base));
    reporter[name] =
      name === 'htmlextra'
        ? { export: path, title, browserTitle: title, hideRequestHeaders: ['Authorization', 'Cookie'] }
        : { export: path };
  }
  return {
    reporters: reporters.filter((r) => r !== 'html' && r !== 'junit'),
    reporter,
    staging,
    ...(html ? { html } : {}),
    ...(junit ? { junit } : {}),
  };
}

/** Writes our self-contained HTML report of a finished, redacted run into staging (published like the rest). */
export async function writeHtmlReport(plan: ReportPlan, summary: NewmanRunSummary, title: string): Promise<void> {
  if (plan.html) await writeFile(plan.html, renderHtmlReport(htmlReportData(summary, title)));
  if (plan.junit) await writeFile(plan.junit, newmanJunitReport(summary, title));
}

/**
 * Moves the staged reports into the report dir with every secret redacted (each file written beside
 * its target, then renamed), and removes the staging directory. Returns the final paths.
 */
export async function publishReports(
  plan: ReportPlan,
  reportDir: string,
  secrets: Iterable<string>,
): Promise<string[]> {
  if (!plan.staging) return [];
  const list = [...secrets];
  const published: string[] = [];
  try {
    for (const name of (await readdir(plan.staging)).sort()) {
      const text = await readFile(join(plan.staging, name), 'utf8');
      const temp = join(plan.staging, `${name}.redacted`);
      await writeFile(temp, redactText(text, list));
      await rename(temp, join(reportDir, name));
      published.push(join(reportDir, name));
    }
  } finally {
    await releaseStaging(plan.staging);
  }
  return published;
}

/** Removes a staging directory after a failed run. */
export async function discardReports(plan: ReportPlan): Promise<void> {
  if (plan.staging) await releaseStaging(plan.staging);
}
