// The executable lookup order: perfhint.path, then the bundled binary, then PATH.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import { findOnPath, findPerfhintBinary } from '../src/binary';

function makeExecutable(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, 0o755);
  return file;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'perfhint-binary-'));
const extension = path.join(root, 'extension');
const onPath = makeExecutable(path.join(root, 'path-dir', 'perfhint'));
const configured = makeExecutable(path.join(root, 'custom', 'perfhint-build'));
const pathVariable = ['', path.join(root, 'empty'), path.join(root, 'path-dir')].join(
  path.delimiter,
);

test('PATH is searched when nothing else is configured or bundled', () => {
  assert.deepEqual(
    findPerfhintBinary({
      configuredPath: '',
      extensionPath: extension,
      pathVariable,
      platform: 'linux',
    }),
    { path: onPath, source: 'PATH' },
  );
});

test('a bundled binary wins over PATH', () => {
  const bundled = makeExecutable(path.join(root, 'bundling', 'bin', 'perfhint'));
  assert.deepEqual(
    findPerfhintBinary({
      configuredPath: '',
      extensionPath: path.join(root, 'bundling'),
      pathVariable,
      platform: 'linux',
    }),
    { path: bundled, source: 'bundled' },
  );
});

test('the perfhint.path setting wins over everything', () => {
  assert.deepEqual(
    findPerfhintBinary({
      configuredPath: ` ${configured} `,
      extensionPath: extension,
      pathVariable,
    }),
    { path: configured, source: 'setting' },
  );
});

test('a configured path that is not executable is reported, not skipped', () => {
  const plain = path.join(root, 'plain-file');
  fs.writeFileSync(plain, '');
  const result = findPerfhintBinary({
    configuredPath: plain,
    extensionPath: extension,
    pathVariable,
  });
  assert.deepEqual(result, {
    reason: `The perfhint.path setting names "${plain}", which is not an executable file.`,
  });
});

test('nothing found explains why', () => {
  const result = findPerfhintBinary({
    configuredPath: '',
    extensionPath: extension,
    pathVariable: path.join(root, 'empty'),
  });
  assert.match((result as { reason: string }).reason, /^No perfhint executable was found/);
  assert.equal(findOnPath(undefined), undefined);
  assert.equal(findOnPath(path.join(root, 'custom')), undefined);
});
