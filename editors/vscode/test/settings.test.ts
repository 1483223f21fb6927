// The extension's settings become exactly the section the server reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { serverSettings, type SettingReader } from '../src/settings';

function readerOf(values: Record<string, unknown>): SettingReader {
  return <T>(key: string, defaultValue: T): T =>
    key in values ? (values[key] as T) : defaultValue;
}

test('defaults are sent explicitly, so clearing a setting undoes it on the server', () => {
  assert.deepEqual(serverSettings(readerOf({})), {
    select: [],
    ignore: [],
    severity: {},
    debounceMs: 50,
    unsafeFixes: false,
    extendSelect: [],
    targetVersion: null,
    exclude: null,
    profile: '',
    hotThreshold: 5,
  });
});

test('each setting maps to its server key; path and trace stay in the extension', () => {
  const settings = serverSettings(
    readerOf({
      path: '/opt/perfhint',
      'trace.server': 'verbose',
      select: ['PH2', 'PH701'],
      ignore: ['PH202'],
      severity: { PH201: 'error' },
      debounceMs: 0,
      unsafeFixes: true,
      extendSelect: ['PH301'],
      targetVersion: 'py39',
      exclude: ['build', 'src/gen/*.py'],
      profile: 'profiles/*.prof',
      hotThreshold: 10,
    }),
  );
  assert.deepEqual(settings, {
    select: ['PH2', 'PH701'],
    ignore: ['PH202'],
    severity: { PH201: 'error' },
    debounceMs: 0,
    unsafeFixes: true,
    extendSelect: ['PH301'],
    targetVersion: 'py39',
    exclude: ['build', 'src/gen/*.py'],
    profile: 'profiles/*.prof',
    hotThreshold: 10,
  });
});
