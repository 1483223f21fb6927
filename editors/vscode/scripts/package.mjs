// Builds the .vsix: bundles the extension with esbuild, then packages it with vsce.
//   node scripts/package.mjs [--out FILE] [--binary PATH --target TARGET]
// --binary bundles a perfhint executable as bin/perfhint in a package for one platform
// (TARGET as vsce names it, e.g. linux-x64); without it the package finds perfhint at run time.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: { out: { type: 'string' }, binary: { type: 'string' }, target: { type: 'string' } },
});
if (values.binary && !values.target) throw new Error('--binary needs --target (e.g. linux-x64)');

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
run(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')]);

// bin/ exists only while a package with --binary is built; one left by an interrupted run must
// not slip into a package built without it.
const bundledBinary = path.join(root, 'bin', 'perfhint');
fs.rmSync(path.dirname(bundledBinary), { recursive: true, force: true });
if (values.binary) {
  fs.mkdirSync(path.dirname(bundledBinary), { recursive: true });
  fs.copyFileSync(values.binary, bundledBinary);
  fs.chmodSync(bundledBinary, 0o755);
}
try {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license'];
  if (values.out) args.push('--out', path.resolve(values.out));
  if (values.target) args.push('--target', values.target);
  run(process.execPath, [vsce, ...args]);
} finally {
  if (values.binary) fs.rmSync(path.dirname(bundledBinary), { recursive: true, force: true });
}
