// @ts-nocheck
export interface VitestJsonResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numRuntimeErrors?: number;
  numFailedTestSuites?: number;
  testResults?: Array<{ status: string; assertionResults?: Array<{ status: string; ancestorTitles?: string[] }> }>;
}
export interface ClosingCounts {
  passed: number;
  failed: number;
  skipped: number;
}
export function closingCounts(results: VitestJsonResults, options: { testsOk: boolean }): ClosingCounts;
export function closingLine(counts: ClosingCounts): string;
