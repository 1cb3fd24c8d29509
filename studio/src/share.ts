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

/** The scenario text a hash carries; undefined when the hash carries none; throws when it is damaged. */
export async function decodeHash(hash: string): Promise<string | undefined> {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(PREFIX)) return undefined;
  try {
    const bytes = await pipe(fromBase64Url(h.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new Error(`the link's scenario cannot be read (${(e as Error).message})`);
  }
}
