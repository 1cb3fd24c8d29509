/**
 * The studio's server: the page and its assets, the JSON API, and what it refuses (other hosts,
 * path traversal, oversized bodies, non-loopback binds, unknown methods).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../../src/core/errors.js';
import { builtInScenarios, CSP, type Studio, startStudio } from '../../src/studio/server.js';
import { openStoreApi } from '../../src/studio/store-api.js';

const root = join(import.meta.dirname, '..', '..');
const scenarios = join(root, 'scenarios');

/** A built page in a temporary folder: index.html and one script. */
function fakeAssets(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sulab-studio-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>studio</title>');
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not served');
  return dir;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes out exactly as written (no URL normalization). */
function raw(
  port: number,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

let studio: Studio;
const assets = fakeAssets();
const get = (path: string, headers?: Record<string, string>) =>
  raw(studio.port, 'GET', path, undefined, headers);

before(async () => {
  studio = await startStudio({
    assets,
    scenarios,
    file: { name: 'mine.yaml', text: 'name: mine\n' },
    maxBody: 4096,
  });
});
after(() => studio.close());

test('it listens on 127.0.0.1 on a free port and says so as http://127.0.0.1:PORT/', () => {
  assert.match(studio.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.ok(studio.port > 0);
  assert.equal(studio.url, `http://127.0.0.1:${studio.port}/`);
});

test('GET / serves the page with a strict Content-Security-Policy', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.match(r.body, /<title>studio<\/title>/);
  assert.equal(r.headers['content-security-policy'], CSP);
  assert.match(CSP, /default-src 'none'/);
  assert.doesNotMatch(CSP, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
});

test('assets are served by exact name, with their type', async () => {
  const r = await get('/assets/app-1.js');
  assert.equal(r.status, 200);
  assert.equal(r.body, 'console.log(1)');
  assert.match(String(r.headers['content-type']), /^text\/javascript/);
});

test('path traversal and files outside assets/ are refused', async () => {
  for (const path of [
    '/assets/../secret.txt',
    '/assets/..%2fsecret.txt',
    '/assets/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/../package.json',
    '/secret.txt',
    '/assets/.hidden',
    '/assets/',
    '/api/scenario/..%2f..%2fpackage',
    '/api/scenario/../../package.json',
    '/api/scenario/holiday.yaml',
  ]) {
    const r = await get(path);
    assert.equal(r.status, 404, `${path} answered ${r.status}`);
    assert.doesNotMatch(r.body, /not served|"name": "sulab"/);
  }
});

test('requests for another host are refused (no DNS rebinding)', async () => {
  const r = await get('/', { host: 'evil.example:80' });
  assert.equal(r.status, 403);
  assert.equal((await get('/', { host: `localhost:${studio.port}` })).status, 200);
});

test("requests from another site's page are refused; the studio's own page is served", async () => {
  const from = (origin: string) =>
    raw(studio.port, 'POST', '/api/validate', 'name: x\n', { origin, 'content-type': 'text/plain' });
  assert.equal((await from('http://evil.example')).status, 403);
  assert.equal((await from(`http://127.0.0.1:${studio.port + 1}`)).status, 403);
  assert.equal((await from('null')).status, 403);
  assert.equal((await from(`http://127.0.0.1:${studio.port}`)).status, 200);
});

test('GET /api/scenarios lists the built-in scenarios; /api/scenario/NAME gives one as text', async () => {
  const list = JSON.parse((await get('/api/scenarios')).body) as {
    name: string;
    title: string;
    kind: string;
  }[];
  assert.deepEqual(list, builtInScenarios(scenarios));
  const holiday = list.find((s) => s.name === 'holiday');
  assert.equal(holiday?.title, 'The holiday assistant that engineers a break-up');
  assert.equal(list.find((s) => s.name === 'productivity')?.kind, 'sequential');
  const r = await get('/api/scenario/holiday');
  assert.equal(r.status, 200);
  assert.equal(r.body, readFileSync(join(scenarios, 'holiday.yaml'), 'utf8'));
  assert.equal((await get('/api/scenario/no-such-scenario')).status, 404);
});

test('GET /api/start says what the studio was started with', async () => {
  assert.deepEqual(JSON.parse((await get('/api/start')).body), {
    file: { name: 'mine.yaml', text: 'name: mine\n' },
    store: false,
  });
  assert.equal((await get('/api/store')).status, 404);
});

test("POST /api/validate answers with the CLI's own first mistake: file, line, path, message", async () => {
  const ok = await raw(
    studio.port,
    'POST',
    '/api/validate',
    'name: x\noutcomes: [a, b]\nparts:\n  - {name: p, utility: [1, 0]}\n',
  );
  assert.deepEqual(JSON.parse(ok.body), { ok: true, kind: 'one-shot' });
  const text = 'name: x\noutcomes: [a, b]\nparts:\n  - name: p\n    utility: {a: 1}\n';
  const bad = JSON.parse((await raw(studio.port, 'POST', '/api/validate?file=x.yaml', text)).body);
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.error, {
    file: 'x.yaml',
    line: 5,
    path: 'parts[0].utility',
    message: 'missing outcome "b"',
    text: 'x.yaml:5: parts[0].utility: missing outcome "b"',
  });
});

test("POST /api/report answers with the scenario's self-contained HTML report, as `sulab run` writes it", async () => {
  const text = readFileSync(join(scenarios, 'committee-cycle.yaml'), 'utf8');
  const s = await startStudio({ assets, scenarios, version: '9.9.9' });
  try {
    const r = await raw(s.port, 'POST', '/api/report?file=committee-cycle.yaml', text);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.equal(r.headers['content-disposition'], 'attachment; filename="committee-cycle-report.html"');
    assert.match(r.body, /^<!doctype html>/i);
    assert.match(r.body, /9\.9\.9/);
    assert.match(r.body, /<svg/);
    assert.doesNotMatch(r.body, /<script/i);
    const bad = await raw(s.port, 'POST', '/api/report', 'name: x\n');
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body).error, /^scenario\.yaml:\d+: /);
  } finally {
    await s.close();
  }
});

test('a request body over the limit is refused with 413', async () => {
  const r = await raw(studio.port, 'POST', '/api/validate', Buffer.alloc(10_000, 0x61));
  assert.equal(r.status, 413);
  // Without a declared length (chunked), the body is cut off as it arrives.
  const chunked = await new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: studio.port, method: 'POST', path: '/api/validate' },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    for (let k = 0; k < 5; k++) req.write(Buffer.alloc(1000, 0x61));
    req.end();
  });
  assert.equal(chunked, 413);
  // The server still answers afterwards.
  assert.equal((await get('/api/scenarios')).status, 200);
});

test('other methods are refused; unknown paths are 404', async () => {
  assert.equal((await raw(studio.port, 'PUT', '/api/scenarios', '')).status, 405);
  assert.equal((await raw(studio.port, 'DELETE', '/')).status, 405);
  assert.equal((await get('/api/nothing')).status, 404);
});

test('it refuses to bind anything but loopback', async () => {
  for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com'])
    await assert.rejects(startStudio({ host, assets, scenarios }), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match((e as Error).message, /loopback/);
      return true;
    });
});

test('a port in use is a UserError naming --port', async () => {
  await assert.rejects(startStudio({ port: studio.port, assets, scenarios }), /--port: port \d+ is in use/);
});

test('without a built page, / says how to build it', async () => {
  const s = await startStudio({ assets: join(assets, 'missing'), scenarios });
  try {
    const r = await raw(s.port, 'GET', '/');
    assert.equal(r.status, 503);
    assert.match(r.body, /npm run build/);
  } finally {
    await s.close();
  }
});

test('a sweep store: its summary and one measure against one parameter, no SQL from the page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sulab-store-'));
  const path = join(dir, 's.duckdb');
  const inst = await DuckDBInstance.create(path);
  const db = await inst.connect();
  for (const sql of [
    'CREATE TABLE sweep (name VARCHAR, hash VARCHAR, definition VARCHAR, base_file VARCHAR, cells_total INTEGER, started_at TIMESTAMP, completed_at TIMESTAMP)',
    "INSERT INTO sweep VALUES ('w', 'h', '{}', 'b.yaml', 4, now()::TIMESTAMP, now()::TIMESTAMP)",
    'CREATE TABLE parameters (column_name VARCHAR, path VARCHAR, kind VARCHAR)',
    "INSERT INTO parameters VALUES ('parts_0_weight', 'parts[0].weight', 'grid')",
    'CREATE TABLE cells (cell INTEGER PRIMARY KEY, replicate INTEGER, seed UINTEGER, parts_0_weight DOUBLE, error VARCHAR)',
    'INSERT INTO cells VALUES (0, 0, 1, 0.1, NULL), (1, 1, 2, 0.1, NULL), (2, 0, 3, 0.9, NULL), (3, 1, 4, 0.9, NULL)',
    'CREATE TABLE measurements (cell INTEGER, reading VARCHAR, measure VARCHAR, part VARCHAR, value DOUBLE)',
    "INSERT INTO measurements VALUES (0, 'f', 'gap', NULL, 0.2), (1, 'f', 'gap', NULL, 0.4), (2, 'f', 'gap', NULL, 0), (3, 'f', 'gap', NULL, 0.1)",
    'CREATE VIEW tidy AS SELECT m.cell, c.replicate, m.reading, m.measure, m.part, m.value, c.parts_0_weight FROM measurements m JOIN cells c ON c.cell = m.cell',
  ])
    await db.run(sql);
  db.closeSync();
  inst.closeSync();
  const s = await startStudio({ assets, scenarios, store: await openStoreApi(path) });
  try {
    const summary = JSON.parse((await raw(s.port, 'GET', '/api/store')).body);
    assert.deepEqual(summary, {
      file: path,
      name: 'w',
      cellsTotal: 4,
      cellsStored: 4,
      complete: true,
      parameters: [{ column: 'parts_0_weight', path: 'parts[0].weight', kind: 'grid' }],
      readings: ['f'],
      measures: ['gap'],
    });
    const rows = JSON.parse(
      (await raw(s.port, 'GET', '/api/store/series?x=parts_0_weight&measure=gap')).body,
    );
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((r: { x: number; mean: number; n: number }) => [r.x, Number(r.mean.toFixed(12)), r.n]),
      [
        [0.1, 0.3, 2],
        [0.9, 0.05, 2],
      ],
    );
    // Names the store does not hold are refused before any SQL runs.
    const bad = await raw(s.port, 'GET', '/api/store/series?x=seed%22%3B%20DROP&measure=gap');
    assert.equal(bad.status, 400);
    assert.match(bad.body, /no parameter/);
  } finally {
    await s.close();
  }
});
