// @ts-nocheck
// The parts of `generate` that no code of ours can speed up, each measured in a fresh process, so
// `npm run bench` can show how much of the whole-process time they take:
//   node scripts/bench-floor.mjs imports            start-up + importing yargs, ajv, js-yaml (time the process)
//   node scripts/bench-floor.mjs parse FILE.yaml    prints ms for js-yaml to read the description
//   node scripts/bench-floor.mjs write FILE.json    prints ms to serialise the generated collection
//                                                   (JSON.stringify, two-space indent) and write it
//   node scripts/bench-floor.mjs files DIR OUT      prints ms to write DIR's files anew under OUT, the
//                                                   way generate does (temp file, then rename)
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const [mode, file, out] = process.argv.slice(2);
const time = (work) => {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

if (mode === 'imports') {
  await Promise.all([import('yargs'), import('ajv'), import('js-yaml')]);
} else if (mode === 'parse') {
  const { load, CORE_SCHEMA } = await import('js-yaml');
  const text = readFileSync(file, 'utf8');
  console.log(time(() => load(text, { schema: CORE_SCHEMA })));
} else if (mode === 'write') {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const target = join(out, 'collection.json');
  mkdirSync(out, { recursive: true });
  console.log(time(() => writeFileSync(target, `${JSON.stringify(json, null, 2)}\n`)));
} else if (mode === 'files') {
  const files = walk(file).map((path) => ({ path: relative(file, path), content: readFileSync(path, 'utf8') }));
  console.log(
    time(() => {
      const made = new Set();
      const staged = files.map(({ path, content }, i) => {
        const target = join(out, path);
        if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
        made.add(dirname(target));
        writeFileSync(`${target}.${i}.tmp`, content, { flag: 'wx' });
        return target;
      });
      for (const [i, target] of staged.entries()) renameSync(`${target}.${i}.tmp`, target);
    }),
  );
} else {
  throw new Error(`unknown mode "${mode}": imports, parse FILE, write FILE OUT or files DIR OUT`);
}
