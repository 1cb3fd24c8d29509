/**
 * The studio's local server (node:http, no framework). It answers only on loopback and only to
 * requests addressed to it (the Host header: no DNS rebinding) from its own page or no page at all
 * (the Origin header: no cross-site requests), serves only the built page
 * (index.html and the files of assets/, by exact name) and a small JSON API, refuses request
 * bodies over a limit, and sends a strict Content-Security-Policy. Nothing the page sends is
 * executed: scenarios are data, read by the same loader as `sulab run`.
 *
 *   GET  /                     the page
 *   GET  /assets/NAME          its scripts, styles, worker and WebAssembly
 *   GET  /api/start            {file: {name, text} | null, store: boolean}: what it was started with
 *   GET  /api/scenarios        the built-in scenarios: [{name, title, kind}]
 *   GET  /api/scenario/NAME    one built-in scenario's text
 *   POST /api/validate         a scenario's text → {ok, kind} or {ok: false, error: {file, line, path, message, text}}
 *   POST /api/report           a scenario's text (one-shot or sequential) → its self-contained HTML report (as `sulab run` writes)
 *   GET  /api/store            the sweep store's summary (when started with one)
 *   GET  /api/store/series?x=PARAM&measure=M   one measure's means against one parameter
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../core/errors.js';
import { studioReport } from './report.js';
import type { StoreApi } from './store-api.js';
import { checkScenario } from './validate.js';

export interface StudioOptions {
  /** Where to listen: a loopback address only (default 127.0.0.1). */
  readonly host?: string;
  /** The port; 0 (the default) takes a free one. */
  readonly port?: number;
  /** The built page: index.html and assets/. */
  readonly assets: string;
  /** The folder of built-in scenarios. */
  readonly scenarios: string;
  /** The scenario file the studio was started with. */
  readonly file?: { readonly name: string; readonly text: string };
  /** The sweep store it was started with. */
  readonly store?: StoreApi;
  /** The largest request body accepted, in bytes (default 1 MiB). */
  readonly maxBody?: number;
  /** sulab's version, for the reports it writes. */
  readonly version?: string;
}

export interface Studio {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);

/** The page may run only its own scripts, its worker and its WebAssembly, and talk only to this server. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A built asset's name: one path segment, no dot at the start (so no `..`). */
const ASSET = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const SCENARIO = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The file name the page says its text came from, for messages: a plain name or `scenario.yaml`. */
function fileName(x: string | null): string {
  return x !== null && /^[\w.-]{1,100}$/.test(x) && !x.startsWith('.') ? x : 'scenario.yaml';
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, x: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(x));

/** The request's body as text, refused (413) past `max` bytes, before reading it all. */
function readBody(req: IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) return Promise.reject(new HttpError(413, `request body over ${max} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new HttpError(413, `request body over ${max} bytes`));
        req.removeAllListeners('data');
        req.resume();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface BuiltIn {
  readonly name: string;
  readonly title: string;
  readonly kind: string;
}

/** The built-in scenarios: every .yaml file of the folder, with its title and kind. */
export function builtInScenarios(dir: string): BuiltIn[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && SCENARIO.test(f.slice(0, -5)))
    .sort()
    .map((f) => {
      const name = f.slice(0, -5);
      let data: Record<string, unknown> = {};
      try {
        const d: unknown = parseYaml(readFileSync(join(dir, f), 'utf8'));
        if (d && typeof d === 'object') data = d as Record<string, unknown>;
      } catch {
        // A broken file is still listed; loading it shows its error.
      }
      const title = typeof data.title === 'string' ? data.title : name;
      return { name, title, kind: data.kind === 'sequential' ? 'sequential' : 'one-shot' };
    });
}

/** Starts the studio's server; resolves once it listens. A non-loopback host is a UserError. */
export async function startStudio(opts: StudioOptions): Promise<Studio> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new UserError(`the studio answers only on loopback (127.0.0.1, ::1), not ${host}`, 'host');
  const maxBody = opts.maxBody ?? 2 ** 20;
  let port = opts.port ?? 0;
  const hosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  let allowed = hosts();

  const page = (res: ServerResponse) => {
    const index = join(opts.assets, 'index.html');
    if (!existsSync(index))
      return send(
        res,
        503,
        'text/plain; charset=utf-8',
        'The studio page is not built: run `npm run build` in the sulab package.\n',
      );
    send(res, 200, TYPES['.html'], readFileSync(index));
  };

  const asset = (res: ServerResponse, name: string) => {
    const file = join(opts.assets, 'assets', name);
    if (!ASSET.test(name) || !existsSync(file) || !statSync(file).isFile())
      throw new HttpError(404, 'not found');
    send(res, 200, TYPES[extname(name)] ?? 'application/octet-stream', readFileSync(file));
  };

  const scenario = (res: ServerResponse, name: string) => {
    if (!SCENARIO.test(name) || !builtInScenarios(opts.scenarios).some((s) => s.name === name))
      throw new HttpError(404, `no built-in scenario ${JSON.stringify(name)}`);
    send(res, 200, 'text/yaml; charset=utf-8', readFileSync(join(opts.scenarios, `${name}.yaml`)));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!allowed.has(req.headers.host ?? '')) throw new HttpError(403, 'not addressed to this studio');
    // Another site's page may not make this one work for it (no cross-site requests).
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.has(origin.replace(/^http:\/\//, '')))
      throw new HttpError(403, 'a request from another site');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;
    if (req.method === 'POST' && path === '/api/validate') {
      const text = await readBody(req, maxBody);
      const name = fileName(url.searchParams.get('file'));
      const checked = checkScenario(text, name);
      return json(res, 200, checked.ok ? { ok: true, kind: checked.scenario.kind } : checked);
    }
    if (req.method === 'POST' && path === '/api/report') {
      const text = await readBody(req, maxBody);
      const name = fileName(url.searchParams.get('file'));
      const html = await studioReport(text, name, opts.version ?? '');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${name.replace(/\.[a-z]+$/i, '')}-report.html"`,
      );
      return send(res, 200, TYPES['.html'], html);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
    if (path === '/' || path === '/index.html') return page(res);
    if (path.startsWith('/assets/')) return asset(res, path.slice('/assets/'.length));
    if (path === '/api/start') return json(res, 200, { file: opts.file ?? null, store: !!opts.store });
    if (path === '/api/scenarios') return json(res, 200, builtInScenarios(opts.scenarios));
    if (path.startsWith('/api/scenario/')) return scenario(res, path.slice('/api/scenario/'.length));
    if (path === '/api/store' || path === '/api/store/series') {
      if (!opts.store) throw new HttpError(404, 'the studio was started without a sweep store');
      if (path === '/api/store') return json(res, 200, opts.store.summary());
      const x = url.searchParams.get('x') ?? '';
      const measure = url.searchParams.get('measure') ?? '';
      return json(res, 200, await opts.store.series(x, measure));
    }
    throw new HttpError(404, 'not found');
  };

  const server = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : e instanceof UserError ? 400 : 500;
      if (status === 500) process.stderr.write(`sulab studio: ${(e as Error)?.stack ?? String(e)}\n`);
      // A refused body is drained, not kept, and the connection closes after the answer.
      if (status === 413) {
        res.setHeader('Connection', 'close');
        req.resume();
      }
      if (!res.headersSent) json(res, status, { error: (e as Error).message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new UserError(`port ${port} is in use; give another --port, or none for a free one`, '--port')
          : e.code === 'EACCES'
            ? new UserError(`not allowed to listen on port ${port}`, '--port')
            : e,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  allowed = hosts();
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        opts.store?.close();
      }),
  };
}
