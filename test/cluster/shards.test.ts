import assert from 'node:assert/strict';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { executeSweep } from '../../src/cli/sweep.js';
import { mergeStores } from '../../src/experiment/merge.js';
import { inShard, parseShard, shardSize } from '../../src/experiment/shard.js';
import { tempFiles } from '../cli/helpers.js';
import { BASE, CELLS, rows, sweepYaml, TIDY } from '../experiment/sweep-fixtures.js';
import { run } from './processes.js';

test('shards: I/N parsed from 0, a partition of the cells', () => {
  assert.deepEqual(parseShard('2/5'), { index: 2, count: 5 });
  for (const bad of ['5/5', '1/0', '-1/3', 'a/b', '1', '1/2/3'])
    assert.throws(() => parseShard(bad), /--shard: expected I\/N/);
  for (const total of [0, 1, 7, 30])
    for (const count of [1, 2, 3, 8]) {
      let sum = 0;
      for (let index = 0; index < count; index++) {
        const s = { index, count };
        let n = 0;
        for (let k = 0; k < total; k++) if (inShard(s, k)) n++;
        assert.equal(shardSize(s, total), n);
        sum += n;
      }
      assert.equal(sum, total, 'every cell in exactly one shard');
    }
});

test('shards: 3 shards merged (stores and a Parquet folder) equal one run; merge reports missing and doubled cells and refuses another sweep', async () => {
  const dir = tempFiles({
    'base.yaml': BASE,
    's.yaml': sweepYaml('sh', 5),
    'other.yaml': sweepYaml('sh', 2),
  });
  const file = join(dir, 's.yaml');
  const text = sweepYaml('sh', 5);
  const whole = await executeSweep(text, file, { store: join(dir, 'all.duckdb'), workers: '0' });
  assert.equal(whole.complete, true);
  assert.equal(whole.shard, null);
  const parts = [];
  for (let i = 0; i < 3; i++) {
    const s = await executeSweep(text, file, {
      store: join(dir, `p${i}.duckdb`),
      workers: '0',
      shard: `${i}/3`,
      parquet: join(dir, 'pq'),
    });
    assert.equal(s.complete, true);
    assert.equal(s.cells, 10);
    assert.equal(s.shard, `${i}/3`);
    parts.push(s);
  }
  assert.deepEqual(parts[1].exports, [join(dir, 'pq', 'shard-1-of-3')]);
  const cellsOf1 = (await rows(join(dir, 'p1.duckdb'), 'SELECT cell FROM cells ORDER BY cell')).map(
    (r) => r[0],
  );
  assert.deepEqual(cellsOf1, [1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);

  const merged = await mergeStores(join(dir, 'm.duckdb'), [
    join(dir, 'p0.duckdb'),
    join(dir, 'pq', 'shard-1-of-3'),
    join(dir, 'p2.duckdb'),
  ]);
  assert.equal(merged.complete, true);
  assert.equal(merged.stored, 30);
  assert.equal(merged.doubled, 0);
  const all = join(dir, 'all.duckdb');
  const m = join(dir, 'm.duckdb');
  assert.deepEqual(await rows(m, TIDY), await rows(all, TIDY));
  assert.deepEqual(await rows(m, CELLS), await rows(all, CELLS));
  assert.deepEqual(await rows(m, 'SELECT shard_index, completed_at IS NOT NULL FROM sweep'), [[null, true]]);

  // Shard 0 twice (a rerun), shards 1 and 2 missing.
  copyFileSync(join(dir, 'p0.duckdb'), join(dir, 'p0-again.duckdb'));
  const partial = await mergeStores(join(dir, 'partial.duckdb'), [
    join(dir, 'p0.duckdb'),
    join(dir, 'p0-again.duckdb'),
  ]);
  assert.equal(partial.complete, false);
  assert.equal(partial.missing, 20);
  assert.deepEqual(partial.missing_shards, ['1/3', '2/3']);
  assert.deepEqual(partial.missing_ranges.slice(0, 2), [
    [1, 2],
    [4, 5],
  ]);
  assert.equal(partial.doubled, 10);
  assert.equal(partial.conflicting, 0);
  // …which --resume then finishes, to the same numbers.
  const resumed = await executeSweep(text, file, {
    store: join(dir, 'partial.duckdb'),
    workers: '0',
    resume: true,
  });
  assert.equal(resumed.resumed_from, 10);
  assert.deepEqual(await rows(join(dir, 'partial.duckdb'), TIDY), await rows(all, TIDY));

  // A shard of another sweep is refused, and nothing is written.
  await executeSweep(sweepYaml('sh', 2), join(dir, 'other.yaml'), {
    store: join(dir, 'o0.duckdb'),
    workers: '0',
    shard: '0/3',
  });
  await assert.rejects(
    mergeStores(join(dir, 'bad.duckdb'), [join(dir, 'p0.duckdb'), join(dir, 'o0.duckdb')]),
    /o0\.duckdb: holds another version of sweep "sh"/,
  );
  assert.equal(existsSync(join(dir, 'bad.duckdb')), false);

  // The command: a quoted glob, a one-line summary; mistakes exit 2 in one line.
  const [ok, missing, exists] = await Promise.all([
    run(['merge', join(dir, 'g.duckdb'), join(dir, 'p[0-2].duckdb')]),
    run(['merge', join(dir, 'x.duckdb'), join(dir, 'nope.duckdb')]),
    run(['merge', m, join(dir, 'p0.duckdb')]),
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(
    ok.stdout,
    /^sh: merged 3 stores into .*g\.duckdb: 30 of 30 cells\nno cell missing, none doubled\n$/,
  );
  for (const [r, pattern] of [
    [missing, /nope\.duckdb: no such store or shard folder/],
    [exists, /m\.duckdb: is already there/],
  ] as const) {
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, pattern);
  }
});
