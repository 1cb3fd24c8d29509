/**
 * Applying registered rules to a profile: parsing a method spec (`name` or `name:key=value:…`),
 * checking its options against the rule's declared ones, and routing utility rules through the
 * profile's cardinal ballots. One Summary per profile is shared by every rule applied to it.
 */
import { quoteName } from '../core/registry.js';
import { UserError } from '../core/errors.js';
import { utilityProblemFromProfile } from './cardinal/from-profile.js';
import { type Profile, Summary } from './profile.js';
import { getRule, rules } from './registry.js';
import type { Options, Rule, RuleResult } from './types.js';

export interface MethodSpec {
  /** The spec as the user wrote it. */
  readonly text: string;
  readonly rule: Rule;
  readonly opts: Options;
}

/** Parses `borda`, `approval:k=2`, `positional:scores=3/2/0`, validating option names and types. */
export function parseMethodSpec(text: string): MethodSpec {
  const [name, ...pairs] = text.split(':');
  const rule = getRule(name);
  const opts: Record<string, number | string | boolean | number[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new UserError(`expected key=value after "${name}:", got ${quoteName(pair)}`, '--method');
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    const spec = rule.options?.find((o) => o.name === key);
    if (!spec) {
      const known = rule.options?.map((o) => o.name).join(', ');
      throw new UserError(
        `${rule.name} has no option ${quoteName(key)}${known ? ` (options: ${known})` : ' (it takes no options)'}`,
        '--method',
      );
    }
    opts[key] = parseOptionValue(raw, spec.type, `--method ${rule.name}:${key}`);
  }
  return { text, rule, opts };
}

function parseOptionValue(raw: string, type: string, where: string): number | string | boolean | number[] {
  if (type === 'number') {
    const x = Number(raw);
    if (raw === '' || !Number.isFinite(x))
      throw new UserError(`expected a number, got ${quoteName(raw)}`, where);
    return x;
  }
  if (type === 'boolean') {
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    throw new UserError(`expected true or false, got ${quoteName(raw)}`, where);
  }
  if (type === 'number[]') {
    const xs = raw.split('/').map(Number);
    if (raw === '' || xs.some((x) => !Number.isFinite(x)))
      throw new UserError(`expected numbers separated by "/", got ${quoteName(raw)}`, where);
    return xs;
  }
  return raw;
}

/** Parses a comma-separated list of method specs; `all` stands for every registered rule. */
export function parseMethodList(list: string): MethodSpec[] {
  const items = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new UserError('expected at least one method name', '--method');
  return items.flatMap((t) =>
    t === 'all' ? rules.map((rule) => ({ text: rule.name, rule, opts: {} })) : [parseMethodSpec(t)],
  );
}

/** Whether `rule` can read this profile (utility rules need cardinal ballots). */
export function applicable(rule: Rule, p: Profile): boolean {
  return rule.input !== 'utilities' || p.scores !== undefined;
}

/** Awaits every rule's `prepare()` (solver loading), so `applyRule` can then run synchronously. */
export async function prepareRules(specs: readonly { rule: Rule }[]): Promise<void> {
  await Promise.all([...new Set(specs.map((s) => s.rule))].map((r) => r.prepare?.()));
}

/**
 * Runs one rule on a profile's summary (after `prepareRules`). Exact rules refuse problems past
 * their stated size themselves, since what counts (all candidates, or a Smith component) is theirs.
 */
export function applyRule(spec: MethodSpec, s: Summary): RuleResult {
  const { rule, opts } = spec;
  if (rule.input === 'utilities') {
    if (!s.profile.scores)
      throw new UserError(
        `${rule.name} aggregates utilities: give a profile with cardinal ballots ("scores"), not rankings`,
        '--method',
      );
    return rule.run(utilityProblemFromProfile(s.profile), opts);
  }
  return rule.run(s, undefined, opts);
}

export { Summary };
