// Loaded with `node --import` into a build under test: records every file the process opens for
// reading, so a test can count how often each content file and data file was read. Written as
// plain JavaScript because it runs before anything else, TypeScript support included.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const out = process.env.JEMBATAN_TRACE_READS;
const reads = [];
const record = (file) => {
  if (typeof file === 'string') reads.push(file);
  else if (file instanceof URL) reads.push(file.pathname);
};
const wrap = (target, name) => {
  const original = target[name];
  target[name] = function (file, ...rest) {
    record(file);
    return original.call(this, file, ...rest);
  };
};
// A read stream opens its file through fs.open, so it is counted there and only there.
for (const name of ['readFileSync', 'readFile', 'openSync', 'open']) wrap(fs, name);
for (const name of ['readFile', 'open']) wrap(fs.promises, name);
syncBuiltinESMExports();
process.on('exit', () => fs.writeFileSync(out, JSON.stringify(reads)));
