// The parts of `generate` that no code of ours can speed up, each measured in a fresh process, so
// `npm run bench` can show how much of the whole-process time they take:
//   node scripts/bench-floor.mjs imports          start-up + importing the required libraries (time the process)
//   node scripts/bench-floor.mjs parse FILE.yaml  prints ms for js-yaml to read the description
//   node scripts/bench-floor.mjs sdk FILE.json    prints ms for postman-collection to build the
//                                                 generated collection and serialise it (toJSON + stringify)
import { readFileSync } from 'node:fs';

const [mode, file] = process.argv.slice(2);
const time = (work) => {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

if (mode === 'imports') {
  await Promise.all([import('yargs'), import('postman-collection'), import('ajv'), import('js-yaml')]);
} else if (mode === 'parse') {
  const { load, CORE_SCHEMA } = await import('js-yaml');
  const text = readFileSync(file, 'utf8');
  console.log(time(() => load(text, { schema: CORE_SCHEMA })));
} else if (mode === 'sdk') {
  const { default: postman } = await import('postman-collection');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  console.log(time(() => JSON.stringify(new postman.Collection(json).toJSON(), null, 2)));
} else {
  throw new Error(`unknown mode "${mode}": imports, parse FILE or sdk FILE`);
}
