/**
 * The fast path of a JSON Lines run: one line's bytes scanned straight into a profile's typed
 * arrays, for the shape nearly every generated stream has — `{"candidates": m, "rankings":
 * [[…], …], "counts": […]}` with whole numbers, tie groups allowed, ASCII only.
 *
 * The scanner accepts a subset of what `profileFromJson` accepts and builds the very same
 * profile from it; on anything else — another field, names, scores, a number with a fraction or
 * exponent, a key twice, an invalid ballot, a limit passed, a byte outside ASCII — it answers
 * `undefined` and the caller reads the line the general way (`JSON.parse`, then
 * `profileFromJson`), which also words every error. So the fast path never decides what is an
 * error, and what it accepts is tested equal to the general reader's answer.
 */
import { idsFor, namesFor, type Profile } from '../sigma/profile.js';
import { parseJsonLine } from './json.js';
import { MAX_BALLOT_CELLS, MAX_CANDIDATES } from './limits.js';
import { decodeUtf8 } from './utf8.js';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const BRACE = 0x7b; // {
const END = 0x7d; // }
const ZERO = 0x30;
const NINE = 0x39;

// Grown as needed and reused from line to line: a line's ballots are written here first, since
// their number is known only at the end of the array.
let levelsBuf = new Int32Array(1 << 12);
let countsBuf = new Float64Array(1 << 8);

// A profile's arrays are views of a shared slab: a typed array with a backing store of its own
// costs an allocation outside the heap and a finalizer, more than scanning its ballots. A slab is
// freed once no profile carved from it is alive (a streamed run holds one or two at a time).
const SLAB_BYTES = 1 << 18;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** The offset of `bytes` fresh bytes (rounded up to 8) in `slab`, starting a new slab if needed. */
function carve(bytes: number): number {
  const need = (bytes + 7) & ~7;
  if (slabUsed + need > slab.byteLength) {
    slab = new ArrayBuffer(Math.max(SLAB_BYTES, need));
    slabUsed = 0;
  }
  const off = slabUsed;
  slabUsed += need;
  return off;
}

/**
 * The profile on bytes[start, end) (one line, without its newline), `null` for a blank line
 * (ASCII whitespace only), or `undefined` when the line is not of the simple shape and must be
 * read by the general reader.
 */
export function scanJsonProfile(
  bytes: Uint8Array,
  start: number,
  end: number,
  maxCandidates: number = MAX_CANDIDATES,
): Profile | null | undefined {
  // Written without closures over the position (a closure keeps it out of registers, which made
  // a first version slower than JSON.parse): helpers take the position and return the next one.
  let p = ws(bytes, start, end);
  if (p === end) return null;
  if (bytes[p] !== BRACE) return undefined;
  p++;

  let m = -1;
  let k = -1;
  let kCounts = -1;
  let linear = true;
  let unrankedAny = false;
  for (;;) {
    p = ws(bytes, p, end);
    if (p >= end || bytes[p] !== QUOTE) return undefined;
    const keyStart = ++p;
    while (p < end && bytes[p] !== QUOTE && bytes[p] !== 0x5c) p++;
    if (p >= end || bytes[p] !== QUOTE) return undefined;
    const key = keyOf(bytes, keyStart, p);
    p = ws(bytes, p + 1, end);
    if (p >= end || bytes[p] !== COLON) return undefined;
    p = ws(bytes, p + 1, end);
    if (key === 1) {
      if (m >= 0) return undefined;
      p = whole(bytes, p, end);
      if (p < 0) return undefined;
      m = scanned;
      if (m < 1 || m > maxCandidates) return undefined;
    } else if (key === 2) {
      // rankings: needs m first (a line with it after is read the general way).
      if (m < 1 || k >= 0) return undefined;
      if (p >= end || bytes[p] !== OPEN) return undefined;
      p = ws(bytes, p + 1, end);
      k = 0;
      if (p < end && bytes[p] === CLOSE) p++;
      else
        for (;;) {
          // One ballot: candidates best first, an inner array a group of tied candidates.
          if (p >= end || bytes[p] !== OPEN) return undefined;
          p = ws(bytes, p + 1, end);
          const row = k * m;
          if (row + m > MAX_BALLOT_CELLS) return undefined;
          if (row + m > levelsBuf.length) {
            const grown = new Int32Array(Math.max(levelsBuf.length * 2, row + m));
            grown.set(levelsBuf.subarray(0, row));
            levelsBuf = grown;
          }
          const levels = levelsBuf;
          let groups = 0;
          let placed = 0;
          const compact = m <= 10 ? compactOrder(bytes, p, end, m, levels, row) : -1;
          if (compact >= 0) {
            p = compact;
            placed = groups = m;
          } else {
            resetRow(levels, row, m);
            if (p < end && bytes[p] === CLOSE) p++;
            else
              for (;;) {
                if (p < end && bytes[p] === OPEN) {
                  p = ws(bytes, p + 1, end);
                  let size = 0;
                  for (;;) {
                    p = whole(bytes, p, end);
                    if (p < 0) return undefined;
                    const c = scanned;
                    if (c >= m || levels[row + c] >= 0) return undefined;
                    levels[row + c] = groups;
                    size++;
                    p = ws(bytes, p, end);
                    if (p >= end) return undefined;
                    if (bytes[p] === COMMA) p = ws(bytes, p + 1, end);
                    else if (bytes[p] === CLOSE) {
                      p++;
                      break;
                    } else return undefined;
                  }
                  if (size > 1) linear = false;
                  placed += size;
                } else {
                  // One digit followed by a separator, the common case, without the call.
                  let c = p + 1 < end ? bytes[p] - ZERO : -1;
                  const next = c >= 0 && c <= 9 ? bytes[p + 1] : 0;
                  if (next === COMMA || next === CLOSE) p++;
                  else {
                    p = whole(bytes, p, end);
                    if (p < 0) return undefined;
                    c = scanned;
                  }
                  if (c >= m || levels[row + c] >= 0) return undefined;
                  levels[row + c] = groups;
                  placed++;
                }
                groups++;
                // Compact lines (no spaces) skip the whitespace calls.
                if (p < end && bytes[p] !== COMMA && bytes[p] !== CLOSE) p = ws(bytes, p, end);
                if (p >= end) return undefined;
                if (bytes[p] === COMMA) {
                  p++;
                  if (p < end && bytes[p] > SPACE) continue;
                  p = ws(bytes, p, end);
                } else if (bytes[p] === CLOSE) {
                  p++;
                  break;
                } else return undefined;
              }
          }
          if (placed < m) {
            // A truncated ballot: the candidates it leaves out tie below its last group (marked
            // −2 − groups here, restored below).
            linear = false;
            unrankedAny = true;
            for (let c = 0; c < m; c++) if (levels[row + c] < 0) levels[row + c] = -2 - groups;
          }
          k++;
          p = ws(bytes, p, end);
          if (p >= end) return undefined;
          if (bytes[p] === COMMA) p = ws(bytes, p + 1, end);
          else if (bytes[p] === CLOSE) {
            p++;
            break;
          } else return undefined;
        }
    } else if (key === 3) {
      if (kCounts >= 0) return undefined;
      if (p >= end || bytes[p] !== OPEN) return undefined;
      p = ws(bytes, p + 1, end);
      kCounts = 0;
      if (p < end && bytes[p] === CLOSE) p++;
      else
        for (;;) {
          p = whole(bytes, p, end);
          if (p < 0) return undefined;
          if (kCounts >= countsBuf.length) {
            const grown = new Float64Array(countsBuf.length * 2);
            grown.set(countsBuf);
            countsBuf = grown;
          }
          countsBuf[kCounts++] = scanned;
          p = ws(bytes, p, end);
          if (p >= end) return undefined;
          if (bytes[p] === COMMA) p = ws(bytes, p + 1, end);
          else if (bytes[p] === CLOSE) {
            p++;
            break;
          } else return undefined;
        }
    } else return undefined;
    p = ws(bytes, p, end);
    if (p >= end) return undefined;
    if (bytes[p] === COMMA) {
      p++;
      continue;
    }
    if (bytes[p] === END) {
      p++;
      break;
    }
    return undefined;
  }
  p = ws(bytes, p, end);
  if (p !== end || m < 1 || k < 0 || (kCounts >= 0 && kCounts !== k)) return undefined;

  // Counts then levels, carved from the shared slab (8-byte aligned for the counts).
  const cells = k * m;
  const off = carve(8 * k + 4 * cells);
  const counts = new Float64Array(slab, off, k);
  if (kCounts >= 0) counts.set(countsBuf.subarray(0, k));
  else counts.fill(1);
  const levels = new Int32Array(slab, off + 8 * k, cells);
  levels.set(levelsBuf.subarray(0, cells));
  let unranked: Uint8Array | undefined;
  if (unrankedAny) {
    unranked = new Uint8Array(cells);
    for (let i = 0; i < cells; i++)
      if (levels[i] < -1) {
        unranked[i] = 1;
        levels[i] = -2 - levels[i];
      }
  }
  // The same object, field for field, as profileFromJson builds.
  const ids = idsFor(m);
  const names = namesFor(m);
  return linear
    ? { m, ids, names, k, levels, counts, unranked, linear: true }
    : { m, ids, names, k, levels, counts, unranked };
}

/**
 * A linear order of m ≤ 10 candidates written compactly, `d,d,…,d]` from p: its levels written
 * into row `row` and the position after its ']' returned; −1 for anything else (the row is then
 * left partly written: see resetRow).
 */
function compactOrder(
  b: Uint8Array,
  p: number,
  end: number,
  m: number,
  levels: Int32Array,
  row: number,
): number {
  if (p + 2 * m > end) return -1;
  let seen = 0;
  for (let i = 0; i < m; i++, p += 2) {
    const c = b[p] - ZERO;
    if (c < 0 || c >= m || (seen & (1 << c)) !== 0 || b[p + 1] !== (i === m - 1 ? CLOSE : COMMA)) return -1;
    seen |= 1 << c;
    levels[row + c] = i;
  }
  return p;
}

/** Marks row `row`'s m candidates unplaced (−1) for the general ballot reader. */
function resetRow(levels: Int32Array, row: number, m: number): void {
  for (let c = row; c < row + m; c++) levels[c] = -1;
}

/** The position of the first byte at or after p that is not JSON whitespace (or end). */
function ws(b: Uint8Array, p: number, end: number): number {
  while (p < end) {
    const c = b[p];
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return p;
    p++;
  }
  return p;
}

/** The value of the last number `whole` read. */
let scanned = 0;

/**
 * Reads a whole number at p (JSON's grammar: no sign, no leading zeros; at most 9 digits) into
 * `scanned` and returns the position after it, or −1 — also when a '.', 'e' or any other byte
 * that is not a separator follows it: such numbers are the general reader's to judge.
 */
function whole(b: Uint8Array, p: number, end: number): number {
  const first = p;
  let x = 0;
  while (p < end) {
    const c = b[p];
    if (c < ZERO || c > NINE) break;
    x = x * 10 + (c - ZERO);
    p++;
  }
  const digits = p - first;
  if (digits === 0 || digits > 9 || (digits > 1 && b[first] === ZERO)) return -1;
  if (p < end) {
    const c = b[p];
    if (c !== COMMA && c !== CLOSE && c !== END && c !== SPACE && c !== LF && c !== CR && c !== TAB)
      return -1;
  }
  scanned = x;
  return p;
}

/** 1 candidates, 2 rankings, 3 counts, 0 anything else (read the general way). */
function keyOf(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 10 && b[s] === 0x63 && same(b, s, 'candidates')) return 1;
  if (n === 8 && b[s] === 0x72 && same(b, s, 'rankings')) return 2;
  if (n === 6 && b[s] === 0x63 && same(b, s, 'counts')) return 3;
  return 0;
}

function same(b: Uint8Array, s: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (b[s + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * Line `lineNumber` of a JSON Lines stream, bytes[start, end): its profile, or undefined for a
 * blank line. Scanned when it has the simple shape; otherwise decoded (refused at its line if not
 * UTF-8) and read by the general reader, which words any error as `FILE:LINE`.
 */
export function profileOnLine(
  bytes: Uint8Array,
  start: number,
  end: number,
  lineNumber: number,
  fileName: string,
  maxCandidates?: number,
): Profile | undefined {
  const fast = scanJsonProfile(bytes, start, end, maxCandidates);
  if (fast !== undefined) return fast ?? undefined;
  let text = decodeUtf8(bytes.subarray(start, end), fileName, lineNumber);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return parseJsonLine(text, lineNumber, fileName, maxCandidates);
}
