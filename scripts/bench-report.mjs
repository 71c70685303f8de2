// The targets a benchmark checks, collected from every part of `npm run bench -- --vs-peers` and printed
// together at the end: what, today's figure, the target and whether it holds, with the load average of
// the moment (the machine is shared: a figure measured under load says so).
import { loadavg } from 'node:os';

const reported = [];

/** The 1-minute load average, for the figure's line. */
export const load = () => loadavg()[0].toFixed(1);

/** Records a target's figure and prints it at once. */
export function reportTarget({ issue, what, figure, target, holds }) {
  const entry = { issue, what, figure, target, holds, load: load() };
  reported.push(entry);
  console.log(`  ${holds ? 'holds ' : 'MISSED'} ${what}: ${figure} (target ${target}; load ${entry.load})`);
}

/** Every target reported in this run, one line each. */
export function printTargets() {
  if (reported.length === 0) return;
  console.log(`targets, this run (${reported.filter((t) => t.holds).length} of ${reported.length} hold):`);
  for (const t of reported)
    console.log(
      `  ${t.holds ? 'holds ' : 'MISSED'} [${t.issue}] ${t.what}: ${t.figure} (target ${t.target}; load ${t.load})`,
    );
}
