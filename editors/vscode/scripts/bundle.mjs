// Bundles the extension into dist/extension.js (one CommonJS file; `vscode` is provided by the
// editor at run time), or a test file given as `--test SOURCE OUTFILE` into a runnable script.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [mode, source, outfile] = process.argv.slice(2);
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
};

if (mode === '--test') {
  await esbuild.build({ ...common, entryPoints: [source], outfile, sourcemap: 'inline' });
} else {
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src', 'extension.ts')],
    outfile: path.join(root, 'dist', 'extension.js'),
    external: ['vscode'],
    minify: true,
    sourcemap: false,
  });
}
