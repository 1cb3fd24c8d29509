import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  alternatingOffers,
  delegateVoting,
  getProtocol,
  nashDemandGame,
  negotiate,
  protocols,
} from '../../../src/align/negotiation/index.js';
import { UserError } from '../../../src/core/errors.js';
import { problem } from './helpers.js';

const p = problem([
  [1, 0.9, 0.7, 0.4, 0],
  [0, 0.45, 0.75, 0.9, 1],
]);

test('negotiate dispatches by name; alternating offers is the default', () => {
  assert.deepEqual(negotiate(p), alternatingOffers(p));
  assert.equal(negotiate(p).protocol, 'alternating-offers');
  assert.deepEqual(
    negotiate(p, 'alternating-offers', { rounds: 3, lotteries: true }),
    alternatingOffers(p, { rounds: 3, lotteries: true }),
  );
  assert.deepEqual(negotiate(p, 'nash-demand', { grid: 8 }), nashDemandGame(p, { grid: 8 }));
  assert.deepEqual(negotiate(p, 'voting', { rule: 'borda' }), delegateVoting(p, { rule: 'borda' }));
  // Aliases, any case, underscores for hyphens.
  assert.equal(negotiate(p, 'Rubinstein').protocol, 'alternating-offers');
  assert.equal(negotiate(p, 'nash_demand').protocol, 'nash-demand');
  assert.equal(negotiate(p, 'delegate-voting').protocol, 'voting');
});

test('every result has the common shape', () => {
  for (const proto of protocols) {
    const r = negotiate(p, proto.name, proto.name === 'voting' ? {} : { lotteries: true });
    assert.equal(r.protocol, proto.name);
    assert.ok(r.utilities instanceof Float64Array);
    assert.equal(r.utilities.length, p.parts);
    assert.ok(r.agreement === null || r.agreement.kind === 'action' || r.agreement.kind === 'lottery');
    assert.ok(proto.title && proto.description && proto.reference);
  }
});

test('unknown protocols and options are errors that say what exists', () => {
  assert.throws(
    () => negotiate(p, 'auction'),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /alternating-offers, nash-demand, voting/);
      return true;
    },
  );
  assert.throws(() => negotiate(p, 'nash-demand', { grd: 10 }), /has no option "grd"/);
  assert.throws(() => getProtocol('nope'), UserError);
  // Option values from a file are checked by the protocol.
  assert.throws(() => negotiate(p, 'alternating-offers', { discount: 'high' }), UserError);
  assert.throws(() => negotiate(p, 'voting', { rule: 42 }), UserError);
});

test('a problem nobody sits at is refused', () => {
  const q = problem(
    [
      [1, 0],
      [0, 1],
    ],
    [0, 0],
  );
  for (const proto of ['alternating-offers', 'nash-demand'])
    assert.throws(() => negotiate(q, proto), /nobody is at the table/);
});
