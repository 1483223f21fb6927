// "Show rule documentation" lists rules from `perfhint rule --all`.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseRuleListing } from '../src/ruleListing';

test('each rule line becomes a code and its description', () => {
  const listing =
    'PH101  append-in-loop               A list filled by `.append`.\n' +
    'PH701  list-membership-literal      Membership test against a list.\n';
  assert.deepEqual(parseRuleListing(listing), [
    { label: 'PH101', description: 'append-in-loop A list filled by `.append`.' },
    { label: 'PH701', description: 'list-membership-literal Membership test against a list.' },
  ]);
});

test('lines that are not rules are skipped', () => {
  assert.deepEqual(parseRuleListing('\nperfhint rules\n  \n'), []);
});
