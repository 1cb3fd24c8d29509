/**
 * Checks shared by the loaders of every kind of scenario: Σ rules and options against their
 * registries, unique names, and small message helpers. Each check adds its problems through
 * `add` and returns undefined when the value cannot be used.
 */
import { UserError } from '../core/errors.js';
import type { SigmaOptions, SigmaSpec } from '../core/model.js';
import { getRule } from '../sigma/registry.js';
import type { OptionSpec } from '../sigma/types.js';
import { describeValue } from './problems.js';
import type { SigmaFile } from './schema-common.js';
import type { Path, Source } from './source.js';
import { hint } from '../core/names.js';

/** Records a problem: the path it names, its message, and where to point when that differs. */
export type AddProblem = (path: Path, message: string, at?: Path) => void;

/** A number as messages show it (no float noise: 0.9, not 0.8999999999999999). */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/** The message of a UserError without its `where:` prefix. */
export function bare(e: UserError): string {
  return e.where && e.message.startsWith(`${e.where}: `) ? e.message.slice(e.where.length + 2) : e.message;
}

/** `"a", "b"`. */
export function quoteList(xs: readonly string[]): string {
  return xs.map((x) => JSON.stringify(x)).join(', ');
}

/** `action "a"` / `actions "a", "b"`. */
export function named(what: string, xs: readonly string[]): string {
  return `${what}${xs.length > 1 ? 's' : ''} ${quoteList(xs)}`;
}

/** Each name that appears a second time (or more) is a problem at its item. */
export function checkUnique(add: AddProblem, names: readonly string[], path: Path, what: string): void {
  const seen = new Set<string>();
  names.forEach((n, k) => {
    if (seen.has(n)) add([...path, k], `${what} ${JSON.stringify(n)} appears more than once`);
    seen.add(n);
  });
}

/** Options checked against the declared ones (names and types), or undefined (problem added). */
export function checkOptions(
  src: Source,
  add: AddProblem,
  given: Readonly<Record<string, unknown>> | undefined,
  specs: readonly OptionSpec[] | undefined,
  path: Path,
  owner: string,
): SigmaOptions | undefined {
  if (given === undefined) return {};
  const known = (specs ?? []).map((o) => o.name);
  for (const key of src.keys(path, given)) {
    const spec = specs?.find((o) => o.name === key);
    const x = given[key];
    if (!spec) {
      add(
        [...path, key],
        `${owner} has no option ${JSON.stringify(key)}${
          known.length === 0
            ? ' (it takes no options)'
            : hint(key, known, `; its options are ${known.join(', ')}`)
        }`,
      );
      return undefined;
    }
    const ok =
      spec.type === 'number[]'
        ? // A single number stands for a list of one, or for "the same for everyone".
          typeof x === 'number' || (Array.isArray(x) && x.every((v) => typeof v === 'number'))
        : typeof x === spec.type;
    if (!ok) {
      const want = {
        number: 'a number',
        string: 'a string',
        boolean: 'true or false',
        'number[]': 'a number or a list of numbers',
      }[spec.type];
      add([...path, key], `expected ${want} (option ${key} of ${owner}), got ${describeValue(x)}`);
      return undefined;
    }
    const wrong = spec.check?.(x as SigmaOptions[string]);
    if (wrong !== undefined) {
      add([...path, key], `${wrong} (option ${key} of ${owner})`);
      return undefined;
    }
  }
  return given as SigmaOptions;
}

/** A Σ as written, checked against the Σ registry (canonical rule name), or undefined. */
export function checkSigma(
  src: Source,
  add: AddProblem,
  s: SigmaFile | undefined,
  path: Path,
): SigmaSpec | undefined {
  if (s === undefined) return undefined;
  const ruleName = typeof s === 'string' ? s : s.rule;
  const rulePath = typeof s === 'string' ? path : [...path, 'rule'];
  let rule: ReturnType<typeof getRule>;
  try {
    rule = getRule(ruleName);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    add(rulePath, bare(e));
    return undefined;
  }
  if (rule.empty !== undefined) {
    add(rulePath, `${rule.name} may elect no one (${rule.empty}), and H's Σ must choose: use condorcet`);
    return undefined;
  }
  const given = typeof s === 'string' ? undefined : s.options;
  const options = checkOptions(src, add, given, rule.options, [...path, 'options'], rule.name);
  return options ? { rule: rule.name, options } : undefined;
}
