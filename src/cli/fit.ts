/**
 * `sulab fit --model bradley-terry --input pairs.csv [--json]`: fit a preference model to a
 * researcher's own comparison data (CSV: winner,loser[,count][,annotator]) and print the learned
 * scores, ordering and argmax — the "whole / learned" reading applied to real data.
 *
 * Both models maximize the log-likelihood minus (λ/2)·Σ s² over every score (a Gaussian N(0, 1/λ)
 * prior on each), with the same default λ. The prior is what keeps perfectly separable
 * comparisons (an item that beat another which never beat it back) at finite scores; the output
 * says which comparisons those are, since their gaps reflect λ rather than the data. λ = 0 is
 * plain maximum likelihood: it does not exist on such data, which Bradley–Terry refuses (exit 2)
 * and a mixture reports as "separated" rather than "converged".
 */
import { quoteName } from '../core/registry.js';
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { fitBradleyTerry, requireScoresExist } from '../learn/bradley-terry.js';
import { parseComparisonsCsv } from '../learn/csv.js';
import { type Comparisons, oneWayPairs, winMatrix } from '../learn/data.js';
import { fitMixture } from '../learn/mixture.js';
import { ordering } from '../learn/unbound.js';
import { renderTable } from '../report/table.js';
import { intFlag, numberFlag, parseFlags, seedFlag } from './args.js';
import { readText } from './files.js';

/** Weak enough to leave well-measured scores alone, strong enough to bound separated ones. */
const DEFAULT_PRIOR = 0.1;

const HELP = `usage: sulab fit --model bradley-terry|mixture --input FILE.csv [--json] [--prior λ] [--method newton|mm]
                 [--types K] [--restarts R] [--seed N]

Fits a preference model to pairwise comparisons (CSV with a header
winner,loser[,count][,annotator]; items by name) and prints each item's score, the learned
ordering and its argmax. bradley-terry: P(i beats j) = σ(s_i − s_j), scores sum to 0. mixture:
K Bradley–Terry types fitted by EM, numbered 1..K by decreasing weight π (annotators share a
type when the annotator column is given, else each comparison has its own); prints each
annotator's (or comparison's) posterior type probabilities and most likely type.
  --prior     λ ≥ 0 (default ${DEFAULT_PRIOR}): maximizes log-likelihood − (λ/2)·Σ s², a Gaussian
              N(0, 1/λ) prior on every score. Comparisons that are perfectly separable (X beat Y,
              Y never beat X, even through other items) are listed: the data put no bound on
              those gaps, λ does. 0 = plain maximum likelihood, which does not exist on such
              data: bradley-terry stops with an error, mixture reports "separated", not "converged"
  --method    newton (default) or mm (Hunter 2004), for bradley-terry
  --types     number of types for the mixture (default 2); --restarts EM restarts (default 5)
  --seed      seed for the EM restarts (default 0)`;

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    {
      model: { type: 'string' },
      input: { type: 'string', short: 'i' },
      json: { type: 'boolean' },
      prior: { type: 'string' },
      method: { type: 'string' },
      types: { type: 'string' },
      restarts: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'fit',
  );
  if (values.help) return void console.log(HELP);
  const input = values.input ?? positionals[0];
  if (input === undefined) throw new UserError('missing --input FILE.csv', 'sulab fit');
  const model = values.model ?? 'bradley-terry';
  const prior = numberFlag(values.prior, 'prior') ?? DEFAULT_PRIOR;
  if (prior < 0) throw new UserError(`expected a number ≥ 0, got ${prior}`, '--prior');
  const method = values.method ?? 'newton';
  if (method !== 'newton' && method !== 'mm')
    throw new UserError(`expected newton or mm, got ${quoteName(method)}`, '--method');
  const data = parseComparisonsCsv(readText(input), { file: input });
  const names = data.names ?? Array.from({ length: data.items }, (_, i) => String(i));

  // Fitting errors (e.g. scores that do not exist) are about this file's data.
  const inFile = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof UserError) throw new UserError(e.message, input);
      throw e;
    }
  };
  let total = 0;
  for (let r = 0; r < data.count.length; r++) total += data.count[r];
  if (!(total > 0)) throw new UserError('expected at least one comparison with a positive count', input);
  const pairNames = (pairs: [number, number][]) => pairs.map(([i, j]) => [names[i], names[j]]);
  const priorText = prior === 0 ? 'no prior' : `prior λ = ${prior}`;
  if (model === 'bradley-terry' || model === 'bt') {
    const fit = inFile(() => fitBradleyTerry(data, { prior, method }));
    const oneWay = oneWayPairs(data.items, winMatrix(data));
    const order = ordering(fit.scores);
    const out = {
      model: 'bradley-terry',
      items: names,
      scores: Object.fromEntries(names.map((n, i) => [n, fit.scores[i]])),
      ordering: order.map((g) => g.map((i) => names[i])),
      argmax: order[0].map((i) => names[i]),
      log_likelihood: fit.logLik,
      objective: fit.objective,
      iterations: fit.iterations,
      converged: fit.converged,
      status: fit.converged ? 'converged' : 'not converged',
      one_way: pairNames(oneWay),
      prior,
      method,
    };
    if (values.json) return void console.log(JSON.stringify(out));
    console.log(
      renderTable(
        ['item', 'score'],
        order.flat().map((i) => [names[i], fit.scores[i].toFixed(4)]),
      ),
    );
    console.log(`\nordering: ${out.ordering.map((g) => g.join(' = ')).join(' > ')}`);
    if (oneWay.length > 0) console.log(`separated: ${neverLost(oneWay, names)}\n${unbounded(prior)}`);
    console.log(
      `log-likelihood ${fit.logLik.toFixed(4)}, ${fit.iterations} iterations, ${statusText(out.status)}, ${priorText}`,
    );
    return;
  }
  if (model === 'mixture') {
    const types = intFlag(values.types, 'types', 2, 1);
    const restarts = intFlag(values.restarts, 'restarts', 5, 1);
    // Without a prior, a mixture's scores exist only where one type's would: check that first.
    if (prior === 0) inFile(() => requireScoresExist(data, winMatrix(data), data.kind));
    const rng = new Random(seedFlag(values.seed));
    const fit = inFile(() => fitMixture(rng, data, { types, restarts, prior }));
    const byAnnotator = fit.grouping === 'annotator';
    // A group is an annotator (by label) or, without annotators, one comparison [winner, loser].
    const group = (g: number): string | string[] =>
      fit.groupPairs ? pairNames([fit.groupPairs[g]])[0] : annotatorLabel(data, fit.groupIds[g]);
    const groupText = (g: number) => [group(g)].flat().join(' > ');
    const posterior = (g: number) => Array.from(fit.responsibilities.subarray(g * types, (g + 1) * types));
    const groups = Array.from(fit.groupIds, (_, g) => g);
    const out = {
      model: 'mixture',
      items: names,
      weights: Array.from(fit.weights),
      types: fit.scores.map((s) => Object.fromEntries(names.map((n, i) => [n, s[i]]))),
      assignment: groups.map((g) => ({
        [byAnnotator ? 'annotator' : 'comparison']: group(g),
        type: fit.assignment[g] + 1,
        responsibilities: posterior(g),
      })),
      separated: fit.separated.map((sep) => ({
        type: sep.type + 1,
        [byAnnotator ? 'annotators' : 'comparisons']: sep.groups.map(group),
        one_way: pairNames(sep.pairs),
      })),
      log_likelihood: fit.logLik,
      objective: fit.objective,
      iterations: fit.iterations,
      converged: fit.converged,
      status: fit.diverged ? 'separated' : fit.converged ? 'converged' : 'not converged',
      prior,
      grouping: fit.grouping,
    };
    if (values.json) return void console.log(JSON.stringify(out));
    const typeHeads = fit.scores.map((_, t) => `type ${t + 1} (π = ${fit.weights[t].toFixed(3)})`);
    console.log(
      renderTable(
        ['item', ...typeHeads],
        names.map((n, i) => [n, ...fit.scores.map((s) => s[i].toFixed(4))]),
      ),
    );
    console.log(
      `\n${renderTable(
        [byAnnotator ? 'annotator' : 'comparison', 'type', ...fit.scores.map((_, t) => `P(type ${t + 1})`)],
        groups.map((g) => [
          groupText(g),
          String(fit.assignment[g] + 1),
          ...posterior(g).map((p) => p.toFixed(4)),
        ]),
      )}\n`,
    );
    for (const sep of fit.separated) {
      const members = listed(sep.groups.map(groupText), byAnnotator ? 'annotators' : 'comparisons');
      console.log(`separated: type ${sep.type + 1} (${members}): ${neverLost(sep.pairs, names)}`);
    }
    if (fit.separated.length > 0)
      console.log(
        fit.diverged
          ? '  with no prior these scores run off to infinity: the maximum-likelihood mixture does not exist' +
              ' (give --prior > 0)'
          : unbounded(prior),
      );
    console.log(
      `log-likelihood ${fit.logLik.toFixed(4)}, ${fit.iterations} iterations, ${statusText(out.status)}, ${priorText}, grouping by ${fit.grouping}`,
    );
    return;
  }
  throw new UserError(`unknown model ${quoteName(model)}; expected bradley-terry or mixture`, '--model');
}

/** The status as the terminal shows it. */
function statusText(status: string): string {
  return status === 'converged'
    ? status
    : status === 'separated'
      ? 'NOT converged (separated)'
      : 'NOT converged';
}

/** What separable comparisons mean for the fitted gaps. */
function unbounded(prior: number): string {
  const bound = prior > 0 ? `; the prior λ = ${prior} keeps them finite` : '';
  return `  the data put no bound on these gaps${bound}`;
}

/** An annotator's label from the file (a whole-number label is the id itself). */
function annotatorLabel(data: Comparisons, id: number): string {
  return data.annotatorNames?.[id] ?? String(id);
}

/** "c never lost to a, b; b never lost to a": one-way comparisons grouped by winner. */
function neverLost(pairs: readonly [number, number][], names: readonly string[]): string {
  const byWinner = new Map<number, string[]>();
  for (const [i, j] of pairs) {
    const losers = byWinner.get(i) ?? [];
    losers.push(names[j]);
    byWinner.set(i, losers);
  }
  const parts = [...byWinner].map(([i, losers]) => `${names[i]} never lost to ${listed(losers, 'items')}`);
  return listed(parts, 'winners', '; ');
}

/** The first few of a list, then how many there are. */
function listed(xs: readonly string[], what: string, sep = ', '): string {
  const shown = 6;
  return xs.length > shown ? `${xs.slice(0, shown).join(sep)}${sep}… (${xs.length} ${what})` : xs.join(sep);
}
