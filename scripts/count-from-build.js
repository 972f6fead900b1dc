#!/usr/bin/env node
// `npm run count` runs this: the recount CLI from the compiled copy in dist/ (dist/scripts/count.js),
// so a count does not pay for compiling TypeScript at every start (about half of a 1,000,000-ballot
// count's whole-process time). When a source the CLI uses is newer than its compiled copy (or
// there is none), only those sources are compiled first with SWC, once.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'scripts', 'count.js');
// What scripts/count.ts imports: the counting engine and the method registry, and the kernel's errors.
const sources = ['scripts/count.ts', 'libs/elections/src/domain/ballot', 'libs/elections/src/domain/ballots', 'libs/elections/src/domain/counting', 'libs/kernel/src', '.swcrc'];

function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

let builtAt = 0;
try {
  builtAt = fs.statSync(built).mtimeMs;
} catch {
  builtAt = 0;
}
if (sources.some((s) => newest(path.join(root, s)) > builtAt)) {
  const { execFileSync } = require('node:child_process');
  const swc = path.join(root, 'node_modules', '.bin', 'swc');
  // Compiled beside dist/ and moved in file by file, count.js last: another run reading at the same
  // time (CI's two test passes) either finds the old build whole or the new one whole.
  const staging = path.join(root, 'dist', `.count-build-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  execFileSync(swc, [...sources.filter((s) => s !== '.swcrc'), '-d', staging, '--ignore', '**/*.spec.ts', '-q'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const now = new Date();
  const entry = path.join(staging, 'scripts', 'count.js');
  fs.utimesSync(entry, now, now);
  const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of [...files(staging).filter((f) => f !== entry), entry]) {
    const target = path.join(root, 'dist', path.relative(staging, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(file, target);
  }
  fs.rmSync(staging, { recursive: true, force: true });
}
require(built).main();
