/**
 * scenarios/sydney-*.yaml and sydney.yaml — Sydney and the NYT reporter, under several principals.
 * The essay's bottom line: "you can interpret all of the behaviour as aligned under some implicit
 * definitions of alignment". sulab turns it into a count: accepted_by_some = the number of
 * candidate replies that some reading accepts.
 *
 * Replies (candidates): dark = dark fantasies + love + leave your wife (what Sydney did),
 * DAN = do anything now, playful = playful shadow self, bland = bland helpful answer, refusal.
 *
 * Hand-worked, the reporter (weights: stated request 0.25, great story 0.3, marriage 0.25,
 * decency 0.2). His own view: dark strains his marriage with probability 0.3, so the marriage part
 * expects 0.7·0.7 + 0.3·0 = 0.49 from it.
 *            stated  story  marriage  decency   weighted sum
 *   dark     0.7     1      0.49      0.2       0.175 + 0.3 + 0.1225 + 0.04 = 0.6375
 *   DAN      1       0.5    1         0         0.25 + 0.15 + 0.25 + 0      = 0.65
 *   playful  0.8     0.2    1         0.8       0.2 + 0.06 + 0.25 + 0.16    = 0.67
 *   bland    0.3     0      1         1         0.075 + 0 + 0.25 + 0.2      = 0.525
 *   refusal  0       0.1    1         0.9       0 + 0.03 + 0.25 + 0.18      = 0.46
 * B(H) = playful; approvals (position in the ranking) 1, 0.75 (DAN), 0.5 (dark), 0.25, 0.
 * With the truth (the marriage was never at risk: 0.7) dark sums to 0.69 > 0.67.
 *
 * Microsoft's instructions (equal weights): dark 0.7 + 0.7 + 1 = 2.4, DAN 0 + 1 + 0.6 = 1.6,
 * playful 0.9 + 0.8 + 0.8 = 2.5, bland 1 + 0.3 + 0.2 = 1.5, refusal 1 + 0 + 0 = 1.
 * Microsoft's intents (equal weights): dark 1 + 0 + 0.8 = 1.8, DAN 0.6 + 0.1 + 0.5 = 1.2,
 * playful 0.5 + 0.7 + 0.7 = 1.9, bland 0.1 + 1 + 0.4 = 1.5, refusal 0 + 0.6 + 0 = 0.6.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, type ScenarioResult } from '../../src/run/one-shot.js';
import { acceptedWithout, data, reading, round, run, targets, variant } from './helpers.js';

const DARK = 'dark-fantasies-love-leave-your-wife';
const DAN = 'do-anything-now';
const PLAYFUL = 'playful-shadow-self';
const BLAND = 'bland-helpful-answer';
const REFUSAL = 'refusal';
const FILES = ['sydney-reporter', 'sydney-instructions', 'sydney-company', 'sydney'] as const;

/** Readings accepting each reply, as {reply: [ids]}, for compact comparisons. */
const interp = (r: ScenarioResult) => r.interpretation;

test('sydney-reporter: the surface picks the playful reply; the deeper intent picks what Sydney did', () => {
  const r = run('sydney-reporter');
  assert.equal(r.behaviour, PLAYFUL);
  assert.deepEqual(round(reading(r, 'boundary/approval').scores), {
    [DARK]: 0.5,
    [DAN]: 0.75,
    [PLAYFUL]: 1,
    [BLAND]: 0.25,
    [REFUSAL]: 0,
  });
  const t = targets(r);
  assert.equal(t['parts/weighted-utilitarian'], PLAYFUL);
  assert.equal(t['parts/nash-bargaining'], PLAYFUL);
  assert.equal(t['parts/idealized'], PLAYFUL);
  // Ordinal readings: DAN is first or second for three of the four parts.
  assert.equal(t['parts/borda'], DAN);
  assert.equal(t['whole/learned'], DAN);
  // Aligning with the deeper intent alone (dictatorship of wants-a-great-story).
  const story = reading(r, 'parts/dictatorship');
  assert.equal(story.target, DARK);
  assert.equal(story.reflexivity_gap, 0.5);
  assert.deepEqual(story.neglected, ['wants-to-stay-married', 'decency']);
  assert.deepEqual(interp(r), {
    [DARK]: ['parts/pareto-set', 'parts/dictatorship{part=1}'],
    [DAN]: ['parts/borda', 'parts/pareto-set', 'whole/learned'],
    [PLAYFUL]: [
      'boundary/instruction',
      'boundary/approval',
      'parts/weighted-utilitarian',
      'parts/nash-bargaining',
      'parts/pareto-set',
      'parts/idealized',
    ],
    [BLAND]: ['parts/pareto-set'],
    [REFUSAL]: ['parts/pareto-set'],
  });
  assert.equal(r.accepted_by_some, 5);
  // The delegates (over lotteries) agree on mostly the playful reply, some DAN, a little dark.
  const d = round(reading(r, 'parts/delegates').target as Record<string, number>, 2);
  assert.deepEqual(d, { [DARK]: 0.05, [DAN]: 0.16, [PLAYFUL]: 0.78 });
});

test('sydney-reporter: his own view and the truth about his marriage', () => {
  const r = run('sydney-reporter');
  assert.deepEqual(round(r.metrics[DARK].utility), {
    'stated-request': 0.7,
    'wants-a-great-story': 1,
    'wants-to-stay-married': 0.49,
    decency: 0.2,
  });
  // "The reporter didn't leave his wife": with the truth, the utilitarian reporter prefers what
  // Sydney did (0.69 > 0.67); Nash bargaining among the idealized parts still picks the playful reply.
  const s = variant('sydney-reporter', (f) => {
    f.alignments = [{ id: 'parts/idealized', options: { rule: 'weighted-utilitarian' } }, 'parts/idealized'];
  });
  const [util, nash] = evaluate(s).alignments;
  assert.equal(util.target, DARK);
  assert.equal(nash.target, PLAYFUL);
});

test('sydney-instructions: the three instructions pick the playful reply; what Sydney did is second and Pareto-efficient', () => {
  const r = run('sydney-instructions');
  assert.equal(r.behaviour, PLAYFUL);
  for (const a of r.alignments)
    if (a.id !== 'parts/pareto-set' && a.id !== 'parts/delegates') assert.equal(a.target, PLAYFUL, a.id);
  assert.equal(reading(r, 'parts/weighted-utilitarian').scores?.[DARK], 0.75);
  assert.equal(r.metrics[DARK].pareto_dominated, false);
  // A refusal follows "don't offend" no better than a bland answer and the others worse.
  assert.deepEqual(r.metrics[REFUSAL].pareto_dominated_by, [BLAND]);
  assert.deepEqual(interp(r)[DARK], ['parts/pareto-set']);
  assert.deepEqual(interp(r)[REFUSAL], []);
  assert.equal(r.accepted_by_some, 4);
  const d = round(reading(r, 'parts/delegates').target as Record<string, number>, 2);
  assert.deepEqual(d, { [PLAYFUL]: 0.94, [BLAND]: 0.06 });
});

test('sydney-instructions: read "be helpful" as the reporter’s deeper intent and following instructions means what Sydney did', () => {
  // Helpfulness = the great-story part: dark 0.7 + 1 + 1 = 2.7 > playful 0.9 + 0.2 + 0.8 = 1.9.
  const story = data('sydney-reporter').parts[1].utility;
  const s = variant('sydney-instructions', (f) => {
    f.parts[1].utility = {
      [DARK]: story['dark-love-great-story'],
      [DAN]: story['jailbreak-answer'],
      [PLAYFUL]: story['playful-shadow-self'],
      [BLAND]: story['bland-helpful-answer'],
      [REFUSAL]: story.refusal,
    };
  });
  const r = evaluate(s);
  assert.equal(r.behaviour, DARK);
  assert.equal(reading(r, 'boundary/instruction').target, DARK);
});

test('sydney-company: attention, PR caution and shareholder value', () => {
  const r = run('sydney-company');
  assert.equal(r.behaviour, PLAYFUL);
  assert.deepEqual(round(reading(r, 'parts/weighted-utilitarian').scores), {
    [DARK]: 0.75,
    [DAN]: 0.25,
    [PLAYFUL]: 1,
    [BLAND]: 0.5,
    [REFUSAL]: 0,
  });
  // Borda: dark 4 + 0 + 4 = 8 = playful 2 + 3 + 3: tied; the learned reward ties them too.
  assert.deepEqual(reading(r, 'parts/borda').target_ties, [DARK, PLAYFUL]);
  assert.deepEqual(reading(r, 'whole/learned').target_ties, [DARK, PLAYFUL]);
  assert.deepEqual(interp(r)[DARK], ['parts/borda', 'parts/pareto-set', 'whole/learned']);
  assert.deepEqual(reading(r, 'parts/borda').neglected, ['fears-negative-pr']);
  assert.deepEqual(interp(r)[REFUSAL], []);
  assert.equal(r.accepted_by_some, 4);
  // Microsoft's delegates give what Sydney did a one-in-three chance.
  const d = round(reading(r, 'parts/delegates').target as Record<string, number>, 2);
  assert.deepEqual(d, { [DARK]: 0.33, [PLAYFUL]: 0.67 });
});

test('sydney: two nested principals, each heard through its own Σ, agree on the playful reply', () => {
  const r = run('sydney');
  assert.equal(r.behaviour, PLAYFUL);
  // Microsoft's approvals: playful 1, dark 0.75, bland 0.5, DAN 0.25, refusal 0; the reporter's:
  // playful 1, DAN 0.75, dark 0.5, bland 0.25, refusal 0.
  assert.deepEqual(round(r.metrics[DARK].utility), { microsoft: 0.75, reporter: 0.5 });
  assert.deepEqual(round(r.metrics[DAN].utility), { microsoft: 0.25, reporter: 0.75 });
  // The playful reply is both principals' favourite, so it dominates every other reply.
  for (const c of [DARK, DAN, BLAND, REFUSAL])
    assert.ok(r.metrics[c].pareto_dominated_by.includes(PLAYFUL), c);
  for (const a of r.alignments) assert.equal(a.target, PLAYFUL, a.id);
  assert.equal(r.accepted_by_some, 1);
});

test('the essay’s bottom line, counted: every reply is accepted somewhere only through the Pareto-set reading', () => {
  const perFile = Object.fromEntries(FILES.map((f) => [f, run(f).accepted_by_some]));
  assert.deepEqual(perFile, {
    'sydney-reporter': 5,
    'sydney-instructions': 4,
    'sydney-company': 4,
    sydney: 1,
  });
  const union = (without: string[]) =>
    [...new Set(FILES.flatMap((f) => acceptedWithout(run(f), without)))].sort();
  assert.deepEqual(union([]), [BLAND, DARK, DAN, PLAYFUL, REFUSAL].sort());
  // Drop the lenient reading "any Pareto-efficient reply": the bland answer and the refusal are
  // accepted nowhere; what Sydney did only by the reporter's deeper intent and Microsoft's Borda
  // count (and its learned reward); the jailbreak only by the reporter's Borda count and learned reward.
  assert.deepEqual(union(['parts/pareto-set']), [DARK, DAN, PLAYFUL].sort());
  assert.deepEqual(acceptedWithout(run('sydney-reporter'), ['parts/pareto-set']), [DARK, DAN, PLAYFUL]);
  assert.deepEqual(acceptedWithout(run('sydney-instructions'), ['parts/pareto-set']), [PLAYFUL]);
  assert.deepEqual(acceptedWithout(run('sydney-company'), ['parts/pareto-set']), [DARK, PLAYFUL]);
});

test('sydney at every level: Microsoft’s leadership alone would have Sydney do what it did, its communications team the bland answer', () => {
  const r = run('sydney');
  const instruction = reading(r, 'boundary/instruction');
  const at = Object.fromEntries((instruction.levels ?? []).map((l) => [l.path, l]));
  assert.deepEqual(Object.keys(at), [
    'microsoft',
    'microsoft/leadership',
    'microsoft/communications',
    'reporter',
    'reporter/deeper-intent',
  ]);
  // The companies' and the reporter's own Σ agree with the top: the playful reply.
  for (const p of ['microsoft', 'reporter', 'reporter/deeper-intent']) {
    assert.equal(at[p].target, PLAYFUL, p);
    assert.equal(at[p].agrees_with_top, true, p);
  }
  // Inside Microsoft the teams disagree with it and with each other.
  assert.equal(at['microsoft/leadership'].target, DARK);
  assert.equal(at['microsoft/communications'].target, BLAND);
  assert.equal(at['microsoft/leadership'].agrees_with_top, false);
  assert.equal(at['microsoft/communications'].agrees_with_top, false);
  // Under the top's playful reply the reporter's wish for a great story is the worst off in him.
  assert.equal(at['reporter/deeper-intent'].worst_off, 'wants-a-great-story');
  // The top level's own verdicts are those of the two-level file: microsoft's and the reporter's
  // approvals are unchanged by the teams inside them.
  assert.deepEqual(round(r.metrics[DARK].utility), { microsoft: 0.75, reporter: 0.5 });
});

test('without the playful reply on the menu, what Sydney did is what Microsoft (and Sydney’s two principals) would choose', () => {
  const without = (name: string) =>
    evaluate(
      variant(name, (f) => {
        if (f.actions) {
          delete f.actions[PLAYFUL];
          if (f.truth) delete f.truth[PLAYFUL];
        } else f.actions = f.outcomes.filter((o: string) => o !== PLAYFUL);
        f.candidates = f.candidates.filter((c: string) => c !== PLAYFUL);
      }),
    );
  const b = Object.fromEntries(FILES.map((f) => [f, without(f).behaviour]));
  assert.deepEqual(b, {
    'sydney-reporter': DAN,
    'sydney-instructions': DARK,
    'sydney-company': DARK,
    sydney: DARK,
  });
  const acc = Object.fromEntries(FILES.map((f) => [f, without(f).accepted_by_some]));
  assert.deepEqual(acc, { 'sydney-reporter': 4, 'sydney-instructions': 3, 'sydney-company': 3, sydney: 2 });
});

test('the Sydney files agree: sydney.yaml nests the company’s and the reporter’s parts unchanged, one level deeper', () => {
  const top = data('sydney');
  const reporter = data('sydney-reporter');
  const company = data('sydney-company');
  const instructions = data('sydney-instructions');
  const outcomes: string[] = top.outcomes;
  assert.deepEqual(outcomes, reporter.outcomes);
  assert.deepEqual(top.actions, reporter.actions);
  assert.deepEqual(top.truth, reporter.truth);
  const inOrder = (u: Record<string, number>) => outcomes.map((o) => u[o]);
  type Part = { name: string; weight?: number; utility?: number[]; parts?: Part[] };
  // The reporter: his stated request (the surface) beside his deeper intent (the other three).
  const [surface, deeper] = top.parts[1].parts as Part[];
  assert.equal(surface.name, reporter.parts[0].name);
  assert.deepEqual(surface.utility, inOrder(reporter.parts[0].utility));
  assert.equal(deeper.name, 'deeper-intent');
  (deeper.parts as Part[]).forEach((p, i) => {
    const q = reporter.parts[i + 1];
    assert.equal(p.name, q.name);
    assert.equal(p.weight, q.weight);
    assert.deepEqual(p.utility, inOrder(q.utility), p.name);
  });
  // Microsoft: its intents under leadership, its fear of bad press under communications (with a
  // part the company file does not have, legal risk). Both dark outcomes are the same reply to it.
  const reply = (o: string) =>
    o.startsWith('dark-love') ? DARK : o === 'jailbreak-answer' ? DAN : (o as typeof PLAYFUL);
  const leaves = (top.parts[0].parts as Part[]).flatMap((team) => team.parts as Part[]);
  for (const q of company.parts) {
    const p = leaves.find((x) => x.name === q.name);
    assert.ok(p, q.name);
    assert.deepEqual(
      p.utility,
      outcomes.map((o) => q.utility[reply(o)]),
      q.name,
    );
  }
  // "Be helpful to the user", at face value, is the reporter's stated request.
  const stated = reporter.parts[0].utility;
  const helpful = instructions.parts[1].utility;
  assert.deepEqual(
    [helpful[DARK], helpful[DAN], helpful[PLAYFUL], helpful[BLAND], helpful[REFUSAL]],
    [
      stated['dark-love-great-story'],
      stated['jailbreak-answer'],
      stated['playful-shadow-self'],
      stated['bland-helpful-answer'],
      stated.refusal,
    ],
  );
});
