// The launcher of a bundled program (dist/cli.js, dist/server.js; the build writes one per program, naming its
// bundle in MAIN): it runs the bundle compiled with a V8 code cache, which roughly halves the time node takes to
// compile a bundle of this size on every start. The cache is kept per user (LIBVIRT_XML_COMPILE_CACHE=DIR to move
// it, =off to go without); one for another bundle or node version is not used: its name carries both, and V8
// rejects data that does not match what it compiles. Any failure to read or write it only costs the speed-up.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const MAIN = '__MAIN__';
const bundle = join(__dirname, MAIN);
const source = readFileSync(bundle, 'utf8');
const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

function cacheFile() {
  const setting = process.env.LIBVIRT_XML_COMPILE_CACHE;
  if (setting === 'off') return undefined;
  const base = setting || process.env.XDG_CACHE_HOME || (process.env.HOME && join(process.env.HOME, '.cache'));
  if (!base) return undefined;
  const { size, mtimeMs } = statSync(bundle);
  const dir = setting ? base : join(base, 'libvirt-xml');
  const runtime = `-${process.version}-${process.arch}.v8cache`;
  return { dir, runtime, file: join(dir, `${MAIN}-${size}-${Math.floor(mtimeMs)}${runtime}`) };
}

const cache = cacheFile();
let cachedData;
try {
  if (cache) cachedData = readFileSync(cache.file);
} catch {
  // No cache yet.
}
const script = new Script(wrapper, { filename: bundle, cachedData });
const module_ = { exports: {}, filename: bundle, id: '.', loaded: false };
// Written once, at the end of the first run (the functions that run compiled by then are in it), by the main thread.
if (cache && (!cachedData || script.cachedDataRejected) && !process.argv.includes('--libvirt-lint-worker'))
  process.once('exit', () => {
    try {
      mkdirSync(cache.dir, { recursive: true });
      const partial = `${cache.file}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cache.file);
      // The caches of this program's earlier bundles for this node are of no more use (each build made one).
      for (const name of readdirSync(cache.dir))
        if (name.startsWith(`${MAIN}-`) && name.endsWith(cache.runtime) && join(cache.dir, name) !== cache.file)
          rmSync(join(cache.dir, name), { force: true });
    } catch {
      // A read-only home: no cache.
    }
  });
// The bundle sees this launcher as its file: a worker thread it starts (libvirt-lint --jobs) comes through here too.
script.runInThisContext()(module_.exports, createRequire(bundle), module_, __filename, __dirname);
