/**
 * The one registry shape of every pluggable kind (aggregators Σ, readings, agents, generators,
 * experiments): a static list of entries that carry their own metadata, one lookup that answers
 * with "did you mean" when a name is unknown, and one explicit call for plugins to append. Nothing
 * registers as a side effect of an import; tests walk `all()` to check what each entry claims.
 */
import { UserError } from './errors.js';
import { closest } from './names.js';

export interface RegistryOptions<T> {
  /** Every name an entry answers to, canonical first (default: its `name`, then its `aliases`). */
  readonly names?: (entry: T) => readonly string[];
  /** How names are compared (default: trimmed, lower case, underscores and spaces as hyphens). */
  readonly normalize?: (name: string) => string;
  /** Entries that exist without being listed (e.g. `parts/<rule>` for any Σ rule). */
  readonly resolve?: (key: string) => T | undefined;
  /** Checks a plugin entry before it is appended (throws a UserError when malformed). */
  readonly check?: (entry: T) => void;
  /** What follows `unknown KIND "x": ` when the name calls for more than a suggestion. */
  readonly explain?: (name: string) => string | undefined;
  /** What follows "unknown KIND "x"" when nothing is close (default: the list of names). */
  readonly expected?: () => string;
}

/** Names echoed in errors are quoted and cut short: a file may hold anything. */
export function quoteName(name: string, max = 60): string {
  return JSON.stringify(name.length > max ? `${name.slice(0, max)}…` : name);
}

export function kebabName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
}

interface Named {
  readonly name?: string;
  readonly id?: string;
  readonly aliases?: readonly string[];
}

function defaultNames(e: Named): readonly string[] {
  return [(e.name ?? e.id) as string, ...(e.aliases ?? [])];
}

export class Registry<T> {
  private readonly entries: T[] = [];
  private readonly byName = new Map<string, T>();
  private readonly names: (entry: T) => readonly string[];
  private readonly normalize: (name: string) => string;

  constructor(
    /** What an entry is called in messages: "method", "reading", "agent", … */
    readonly kind: string,
    builtins: readonly T[],
    private readonly opts: RegistryOptions<T> = {},
  ) {
    this.names = opts.names ?? ((e) => defaultNames(e as Named));
    this.normalize = opts.normalize ?? kebabName;
    for (const e of builtins) this.append(e);
  }

  /** Every entry, built-ins first, then plugins in the order they were added. */
  all(): readonly T[] {
    return this.entries;
  }

  /** The canonical name of every entry. */
  list(): string[] {
    return this.entries.map((e) => this.names(e)[0]);
  }

  /** The entry called `name` (or an alias, or one `resolve` makes), or undefined. */
  find(name: string): T | undefined {
    const key = this.normalize(name);
    return this.byName.get(key) ?? this.opts.resolve?.(key);
  }

  /** The entry called `name`; a UserError at `where` naming close matches otherwise. */
  get(name: string, where = this.kind): T {
    const e = this.find(name);
    if (e !== undefined) return e;
    const why = this.opts.explain?.(name);
    if (why !== undefined) throw new UserError(`unknown ${this.kind} ${quoteName(name)}: ${why}`, where);
    // Suggestions cost a distance per known name: skip them for text no name could be close to.
    const near = name.length <= 100 ? closest(this.normalize(name), [...this.byName.keys()]) : [];
    const tail =
      near.length > 0
        ? `; did you mean ${near.join(', ')}?`
        : `; ${this.opts.expected ? this.opts.expected() : `expected one of ${this.list().join(', ')}`}`;
    throw new UserError(`unknown ${this.kind} ${quoteName(name)}${tail}`, where);
  }

  /** Appends plugin entries (the one explicit call); a name already taken is an error. */
  add(...entries: readonly T[]): void {
    for (const e of entries) {
      this.opts.check?.(e);
      for (const n of this.names(e)) {
        if (this.byName.has(this.normalize(n)))
          throw new UserError(`${this.kind} ${quoteName(n)} is already registered`, 'plugin');
      }
      this.append(e);
    }
  }

  private append(e: T): void {
    for (const n of this.names(e)) {
      const key = this.normalize(n);
      const clash = this.byName.get(key);
      if (clash !== undefined && clash !== e)
        throw new Error(
          `${this.kind} registry: ${n} names both ${this.names(clash)[0]} and ${this.names(e)[0]}`,
        );
      this.byName.set(key, e);
    }
    this.entries.push(e);
  }
}
