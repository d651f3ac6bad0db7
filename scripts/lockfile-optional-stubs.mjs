// The registry reachable here mirrors only some platform builds of native packages (e.g. @swc/core's
// darwin and win32 binaries are absent), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lockfile as out of sync. This records each missing optional platform
// package with its os/cpu, which `npm ci` skips on other platforms, as a full registry would.
// Run after any `npm install`: `node scripts/lockfile-optional-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [path, meta] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const hoisted = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (lock.packages[hoisted] || lock.packages[nested]) continue;
    const parts = name.split(/[/-]/);
    const os = OS.find((o) => parts.includes(o) || (o === 'win32' && parts.includes('windows')));
    const cpu = CPU.find((c) => parts.includes(c) || (c === 'arm' && parts.some((p) => p.startsWith('arm') && p !== 'arm64')));
    if (!os) continue; // not a platform build: leave it to npm
    lock.packages[hoisted] = { version: spec.replace(/^[\^~=]/, ''), optional: true, os: [os], ...(cpu ? { cpu: [cpu] } : {}) };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`recorded ${added} optional platform package(s) absent from the registry`);
