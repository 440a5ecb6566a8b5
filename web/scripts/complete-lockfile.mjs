#!/usr/bin/env node
// Restores lockfile entries for platform-specific optional packages that the
// registry mirror of this environment does not carry (e.g. the darwin/win32
// builds of rollup and @tailwindcss/oxide). `npm install` silently drops an
// optional dependency it cannot fetch, after which `npm ci` refuses the
// lockfile ("Missing: … from lock file"). Each restored entry records the
// version the parent pins plus its os/cpu/libc (read from the package name,
// which is how these packages are named), so npm skips it on other platforms
// and fetches it by version where it applies. Run after `npm install`:
//   node scripts/complete-lockfile.mjs

import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 'riscv64', 's390x', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.find((t) => CPU.includes(t));
  const libc = tokens.some((t) => t.startsWith('musl')) ? 'musl' : tokens.some((t) => t.startsWith('gnu')) && os === 'linux' ? 'glibc' : null;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  const base = path === '' ? '' : path + '/';
  for (const [dep, spec] of Object.entries(entry.optionalDependencies)) {
    const key = `${base}node_modules/${dep}`;
    if (packages[key] || packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform package; leave it to npm
    if (!/^\d+\.\d+\.\d+/.test(spec)) {
      console.warn(`skipping ${dep}: parent ${path} pins no exact version (${spec})`);
      continue;
    }
    const restored = { version: spec };
    if (cpu) restored.cpu = [cpu];
    if (entry.dev) restored.dev = true;
    if (libc) restored.libc = [libc];
    restored.optional = true;
    if (os) restored.os = [os];
    packages[`node_modules/${dep}`] = restored;
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`restored ${added} platform-specific lockfile entr${added === 1 ? 'y' : 'ies'}`);
