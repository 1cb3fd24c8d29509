/**
 * A scenario in a link: its text deflated (raw DEFLATE, the browser's CompressionStream) and
 * written in base64url after `#s=`, so a link reproduces the view without any server state.
 * Links longer than MAX_HASH are not made: the download is the way to share a large scenario.
 */

/** The longest hash written into the address bar (browsers and chat tools cut long links). */
export const MAX_HASH = 8000;

const PREFIX = 's=';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // A copy in a plain ArrayBuffer: what Blob takes in both the DOM's and Node's typings.
  const out = new Blob([bytes.slice().buffer as ArrayBuffer]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('the link is damaged (not base64url)');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The hash (without `#`) that carries `text`, or undefined when it would be longer than `max`. */
export async function encodeHash(text: string, max = MAX_HASH): Promise<string | undefined> {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  const hash = PREFIX + toBase64Url(packed);
  return hash.length <= max ? hash : undefined;
}

/** The hash's `key=value` fields (the scenario's field, `s=`, is base64url: no `&` in it). */
const fields = (hash: string) => (hash.startsWith('#') ? hash.slice(1) : hash).split('&');

/** The scenario text a hash carries; undefined when the hash carries none; throws when it is damaged. */
export async function decodeHash(hash: string): Promise<string | undefined> {
  const h = fields(hash).find((f) => f.startsWith(PREFIX));
  if (h === undefined) return undefined;
  try {
    const bytes = await pipe(fromBase64Url(h.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new Error(`the link's scenario cannot be read (${(e as Error).message})`);
  }
}

/** What the page shows besides the scenario: the tab, and in the axioms tab what is checked. */
export interface ViewState {
  readonly tab: 'readings' | 'axioms';
  /** A Σ rule (`sigma:borda`) or a reading (`reading:parts/pareto`) to check. */
  readonly check?: string;
  readonly axiom?: string;
  readonly budget?: number;
}

const STATE_KEYS = ['view', 'check', 'axiom', 'budget'] as const;

/** The view's fields of a hash (before the scenario's, which stays last). */
export function stateHash(v: ViewState): string {
  if (v.tab === 'readings') return '';
  const parts = [`view=${v.tab}`];
  if (v.check) parts.push(`check=${encodeURIComponent(v.check)}`);
  if (v.axiom) parts.push(`axiom=${encodeURIComponent(v.axiom)}`);
  if (v.budget !== undefined) parts.push(`budget=${v.budget}`);
  return parts.join('&');
}

/** The view a hash asks for; fields it does not know, or cannot read, are left at their defaults. */
export function readState(hash: string): ViewState {
  const got = new Map<string, string>();
  for (const f of fields(hash)) {
    const eq = f.indexOf('=');
    const key = f.slice(0, eq);
    if (eq > 0 && (STATE_KEYS as readonly string[]).includes(key))
      try {
        got.set(key, decodeURIComponent(f.slice(eq + 1)));
      } catch {
        // A damaged field is left out: the view falls back to its default.
      }
  }
  const budget = Number(got.get('budget'));
  return {
    tab: got.get('view') === 'axioms' ? 'axioms' : 'readings',
    ...(got.has('check') ? { check: got.get('check') } : {}),
    ...(got.has('axiom') ? { axiom: got.get('axiom') } : {}),
    ...(Number.isInteger(budget) && budget > 0 ? { budget } : {}),
  };
}

/** The whole hash: the view's fields, then the scenario's (when it fits in a link). */
export const joinHash = (state: string, scenario: string | undefined) =>
  [state, scenario ?? ''].filter((x) => x !== '').join('&');
