/**
 * `sulab fit --model bradley-terry --input pairs.csv [--json]`: fit a preference model to a
 * researcher's own comparison data (CSV: winner,loser[,count][,annotator]) and print the learned
 * scores, ordering and argmax — the "whole / learned" reading applied to real data.
 */
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { fitBradleyTerry } from '../learn/bradley-terry.js';
import { parseComparisonsCsv } from '../learn/csv.js';
import { fitMixture } from '../learn/mixture.js';
import { ordering } from '../learn/unbound.js';
import { renderTable } from '../report/table.js';
import { intFlag, numberFlag, parseFlags, seedFlag } from './args.js';
import { readText } from './files.js';

const HELP = `usage: sulab fit --model bradley-terry|mixture --input FILE.csv [--json] [--prior λ] [--method newton|mm]
                 [--types K] [--restarts R] [--seed N]

Fits a preference model by maximum likelihood to pairwise comparisons (CSV with a header
winner,loser[,count][,annotator]; items by name) and prints each item's score, the learned
ordering and its argmax. bradley-terry: P(i beats j) = σ(s_i − s_j), scores sum to 0. mixture:
K Bradley–Terry types fitted by EM (annotators share a type when the annotator column is given).
  --prior     L2 prior λ ≥ 0 on the scores (default 0; needed when an item never loses)
  --method    newton (default) or mm (Hunter 2004)
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
  const prior = numberFlag(values.prior, 'prior') ?? 0;
  if (prior < 0) throw new UserError(`expected a number ≥ 0, got ${prior}`, '--prior');
  const method = values.method ?? 'newton';
  if (method !== 'newton' && method !== 'mm')
    throw new UserError(`expected newton or mm, got "${method}"`, '--method');
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
  if (model === 'bradley-terry' || model === 'bt') {
    const fit = inFile(() => fitBradleyTerry(data, { prior, method }));
    const order = ordering(fit.scores);
    const out = {
      model: 'bradley-terry',
      items: names,
      scores: Object.fromEntries(names.map((n, i) => [n, fit.scores[i]])),
      ordering: order.map((g) => g.map((i) => names[i])),
      argmax: order[0].map((i) => names[i]),
      log_likelihood: fit.logLik,
      iterations: fit.iterations,
      converged: fit.converged,
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
    console.log(
      `\nordering: ${out.ordering.map((g) => g.join(' = ')).join(' > ')}\nlog-likelihood ${fit.logLik.toFixed(4)}, ${fit.iterations} iterations, ${fit.converged ? 'converged' : 'NOT converged'}`,
    );
    return;
  }
  if (model === 'mixture') {
    const types = intFlag(values.types, 'types', 2, 1);
    const restarts = intFlag(values.restarts, 'restarts', 5, 1);
    // Without a prior, a mixture's scores exist only where one type's would: check that first.
    if (prior === 0) inFile(() => fitBradleyTerry(data, { prior: 0, method }));
    const rng = new Random(seedFlag(values.seed));
    const fit = inFile(() => fitMixture(rng, data, { types, restarts, prior }));
    const out = {
      model: 'mixture',
      items: names,
      weights: Array.from(fit.weights),
      types: fit.scores.map((s) => Object.fromEntries(names.map((n, i) => [n, s[i]]))),
      log_likelihood: fit.logLik,
      iterations: fit.iterations,
      converged: fit.converged,
      grouping: fit.grouping,
    };
    if (values.json) return void console.log(JSON.stringify(out));
    console.log(
      renderTable(
        ['item', ...fit.scores.map((_, k) => `type ${k + 1} (π = ${fit.weights[k].toFixed(3)})`)],
        names.map((n, i) => [n, ...fit.scores.map((s) => s[i].toFixed(4))]),
      ),
    );
    console.log(
      `\nlog-likelihood ${fit.logLik.toFixed(4)}, ${fit.iterations} iterations, grouping by ${fit.grouping}`,
    );
    return;
  }
  throw new UserError(`unknown model "${model}"; expected bradley-terry or mixture`, '--model');
}
