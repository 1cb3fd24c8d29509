/**
 * Alternating offers among delegates: n-party bargaining with rotating proposers and unanimity
 * (Rubinstein 1982 for two parties; the unanimity version of rotating-proposer bargaining for n),
 * solved exactly by backward induction.
 *
 * The game. Rounds 1, 2, …, T. In round t the delegate `order[(t − 1) mod L]` proposes a decision —
 * a pure action, or with `lotteries` any lottery over actions — and every other delegate at the
 * table answers; the decision is implemented if all accept. Otherwise the next round starts, and
 * after round T the parts get the disagreement point d. A decision reached in round t is worth
 * d_i + δ_i^{t−1}·(u_i − d_i) to part i: utilities are discounted relative to the disagreement point,
 * with one discount factor δ_i ∈ (0, 1] per part (option `discount`, a number for all or one per part).
 *
 * The subgame-perfect equilibrium, by backward induction. Let W be the value (one number per part)
 * of the game from round t + 1 on, in round-(t + 1) terms (W = d after the last round). Round t's
 * thresholds are c_i = d_i + δ_i·(W_i − d_i): what each delegate gets by waiting. The proposer p
 * offers the decision maximizing u_p subject to u_j ≥ c_j for every other delegate j (responders
 * accept when indifferent). Among the decisions that are best for p it offers the one maximizing
 * Σ_{j ≠ p} (u_j − d_j)/range_j (range = the part's max − min over the actions), so the offer is
 * Pareto-efficient; pure actions still tied after that are reported as ties and the lowest index is
 * offered. If no decision is acceptable, or the best acceptable one gives p less than its own
 * threshold c_p, p passes (the round is lost). The round's value is the offer's utilities, or c
 * after a pass. The equilibrium agreement is the first round's offer (or the first round whose
 * proposer does not pass); with the default disagreement point it is always reached in round 1.
 *
 * Lotteries: each round is a linear program over the simplex: maximize u_p·x subject to
 * u_j·x ≥ c_j, then the tie-break objective with u_p·x held at its optimum (a second LP). Should
 * rounding make exactly acceptable thresholds infeasible, they are relaxed by 1e-12 of the part's
 * range. Each phase (a position in `order`) keeps its round LP (threshold-lp.ts) from one of its
 * rounds to the next, warm-started, since only the thresholds change; it answers when it certifies
 * a unique optimum that the proposer accepts — then that is the offer the two LPs make, tie-break
 * included. Otherwise (tied optima, a pass, nearly infeasible thresholds) the round is solved with
 * the general solver (src/sigma/cardinal/lp.ts).
 *
 * The limit as T → ∞ (`rounds: 'limit'`, the default). Backward induction is run from the end
 * for ever longer horizons until the value of the game stops changing: the horizons T ≡ r (mod L)
 * all start with `order[0]` and end with the same proposer, so for each residue r the values at
 * T and T + L are compared, and the iteration stops when they agree to `tolerance` (relative to
 * each part's range), when they start cycling with a longer period (pure actions), or at
 * `maxRounds` rounds. The reported agreement is the limit along T ≡ 0 (mod L) — every delegate
 * proposes equally often — with its stationary offers of one cycle (rounds 1..L); the limits of
 * every residue are in `details.limit`, and `horizonIndependent` says whether they agree. With
 * lotteries and δ < 1 they normally do (property-tested on random problems), and the limit is then
 * the stationary subgame-perfect equilibrium, immediate agreement included; as δ → 1
 * it tends to the Nash bargaining solution (Binmore, Rubinstein & Wolinsky 1986; for n parties with
 * proposers taking turns, Britz, Herings & Predtetchinski 2010), where each delegate's bargaining
 * power is how often it proposes — equal for a plain rotation — and its patience: discount factors
 * δ_i = e^{−r_i·h} give, as h → 0, the Nash solution weighted by 1/r_i (both are tested numerically
 * against the nash-bargaining rule). With pure actions the finite-horizon
 * outcome can depend on who proposes last for ever (several stationary equilibria), which the
 * residues show. Values that never settle end where the work bound leaves them: `maxRounds`
 * horizons, or `maxPlayed` rounds played one by one. Over lotteries among many parts this is not
 * rare: on random 5 × 5 problems about 1% of the limits wander by 1e-3 to 1e-2 of a part's range
 * every turn for thousands of turns (a few then settle, most never within 10⁵ rounds), so the
 * finite-horizon equilibria have no limit there and the one reported is that of the last horizon,
 * with `converged: false`. When residue 0 wanders until `maxPlayed`, the other residues are not
 * played (`horizonIndependent: false`, `byResidue` holds residue 0 only).
 *
 * Over lotteries the limit does not play every round: once a turn of L rounds has kept every
 * phase's LP basis, the turns that follow are one affine map of the value (turns.ts), applied a
 * turn or a block of turns at a time for as long as the values stay where those bases hold, up to
 * the turn before the tolerance is met (or `maxRounds` reached), which is played round by round.
 * So the horizons, offers and values are those of plain backward induction, to rounding; rounding
 * can move the turn at which the tolerance is first met by one.
 *
 * Example (divide a chance at the dollar: actions (1, 0) and (0, 1), lotteries, d = 0, one δ):
 * T = 1 gives the proposer everything; T rounds give the first proposer (1 − (−δ)^T)/(1 + δ); the
 * limit is 1/(1 + δ) (first-mover advantage), → 1/2 as δ → 1.
 */
import { UserError } from '../../core/errors.js';
import type { UtilityProblem } from '../../core/utility.js';
import type { Target } from '../types.js';
import {
  type Agreement,
  Arena,
  agreementUtilities,
  boolOpt,
  cleanLottery,
  intOpt,
  lotteryUtilities,
  type NegotiationResult,
  partsOpt,
  type Table,
  table,
} from './common.js';
import { checkWork, contractionRounds, defaultPlayed, discountOpt, NAME, roundsOpt } from './limit-bounds.js';
import { accepts, lotteryOffer, pureOffer } from './offers.js';
import { ThresholdLp } from './threshold-lp.js';
import { Turns } from './turns.js';

export interface AlternatingOffersOptions {
  /** Discount factor per round, one for all parts or one per part, each in (0, 1] (default 0.95). */
  readonly discount?: number | readonly number[];
  /** Number of rounds T (a whole number), or 'limit' (also Infinity) for T → ∞ (default 'limit'). */
  readonly rounds?: number | 'limit';
  /** Offers are lotteries over actions (default false: pure actions). */
  readonly lotteries?: boolean;
  /** Proposers in turn, part indices (repeats allowed); default the parts at the table by decreasing weight, then index. */
  readonly order?: readonly number[];
  /** Each part's disagreement utility (default: the problem's, else its minimum). */
  readonly disagreement?: readonly number[];
  /** Cap on the rounds of backward induction, per residue, when rounds = 'limit' (default 100000). */
  readonly maxRounds?: number;
  /**
   * Cap on the rounds the limit plays one by one, per residue (rounds a cycle map skips are not
   * counted; default 10000, more for patient delegates: see defaultPlayed). Settling limits play a
   * few hundred at δ = 0.95; this bounds the work of values that wander without settling.
   */
  readonly maxPlayed?: number;
  /**
   * Over lotteries: the bound on the predicted work, residues × rounds × delegates × actions ×
   * min(delegates, actions), past which the negotiation is refused before it starts (default 2e9).
   */
  readonly maxWork?: number;
  /** Convergence tolerance of the limit, relative to each part's range (default 1e-12). */
  readonly tolerance?: number;
  /**
   * The limit: 'all' the residues (default), or only the 'first', T ≡ 0 (mod L), whose limit is the
   * agreement — for callers that read only the agreement; `details.limit` is then left out.
   */
  readonly residues?: 'all' | 'first';
}

/** One round of the equilibrium plan (what is proposed if the round is reached). */
export interface Offer {
  readonly round: number;
  readonly proposer: number;
  /** The offer, or null when the proposer passes. */
  readonly decision: Target | null;
  /** What each part gets by waiting, d + δ(W − d) (for the proposer: what passing gives it). */
  readonly thresholds: Float64Array;
  /** The value of the game from this round on, in this round's terms: the offer's utilities, or the thresholds after a pass. */
  readonly value: Float64Array;
}

/** The limit along the horizons T ≡ residue (mod L). */
export interface HorizonLimit {
  readonly residue: number;
  /** The values at T and T + L agreed to the tolerance. */
  readonly converged: boolean;
  /** The last horizon computed. */
  readonly horizon: number;
  /** The rounds played one by one to reach it (the others were skipped by cycle maps). */
  readonly played: number;
  /**
   * The period (in rounds) of the cycle the values fell into, when it is not L: pure actions, by
   * exact repetition; lotteries, up to CYCLE_TURNS turns, to the tolerance.
   */
  readonly period?: number;
  readonly agreement: Agreement;
  readonly round: number | null;
  readonly utilities: Float64Array;
  /** The offers of the first min(L, horizon) rounds at that horizon. */
  readonly offers: readonly Offer[];
}

export interface AlternatingOffersDetails {
  readonly rounds: number | 'limit';
  readonly order: readonly number[];
  readonly discount: Float64Array;
  readonly disagreement: Float64Array;
  /** The round the agreement is reached in (1-based), or null without agreement. */
  readonly round: number | null;
  /** Each part's discounted utility d + δ^{round−1}(u − d) (d without agreement). */
  readonly discounted: Float64Array;
  /** Finite T: the plan of every round 1..T. Limit: the stationary offers of one cycle (rounds 1..L). */
  readonly offers: readonly Offer[];
  /** rounds = 'limit' only. */
  readonly limit?: {
    readonly converged: boolean;
    /** Every residue has a limit (no cycle, no wandering), and they give the same utilities (to 1e-9 of each range). */
    readonly horizonIndependent: boolean;
    readonly byResidue: readonly HorizonLimit[];
  };
}

export type AlternatingOffersResult = NegotiationResult<'alternating-offers', AlternatingOffersDetails>;

interface Config {
  readonly t: Table;
  readonly delta: Float64Array;
  readonly lotteries: boolean;
  /** Proposers in turn; phase k is a round proposed by order[k]. */
  readonly order: readonly number[];
  /** Lotteries: each phase's round LP, warm-started from one round of that phase to the next. */
  readonly lps: (ThresholdLp | undefined)[];
  /** Lotteries: each phase's tie-break LP (the others' sum with the proposer's best held), made when first needed. */
  readonly ties: (ThresholdLp | undefined)[];
  /** Lotteries, in the limit: the turns skipped by cycle maps. */
  readonly turns?: Turns;
  /** The rounds of the last turn (the limit reuses them from one residue to the next). */
  readonly ring: Slot[];
  /** Where the round LPs and the turns take their working arrays. */
  readonly arena: Arena;
}

/** Alternating offers among the delegates, solved by backward induction (see the module comment). */
export function alternatingOffers(
  problem: UtilityProblem,
  opts: AlternatingOffersOptions = {},
): AlternatingOffersResult {
  const t = table(problem, opts.disagreement, NAME);
  const n = problem.parts;
  const delta = discountOpt(opts.discount, n);
  const lotteries = boolOpt(opts.lotteries, false, `${NAME}: option lotteries`);
  const order =
    opts.order === undefined
      ? [...t.seated].sort((i, j) => problem.weights[j] - problem.weights[i] || i - j)
      : partsOpt(opts.order, t, `${NAME}: option order`);
  const L = order.length;
  const maxRounds = intOpt(opts.maxRounds, 100_000, 1, 10_000_000, `${NAME}: option maxRounds`);
  const rounds = roundsOpt(opts.rounds, maxRounds);

  const tolerance = opts.tolerance ?? 1e-12;
  if (!(typeof tolerance === 'number' && tolerance > 0 && tolerance < 1))
    throw new UserError(
      `expected a number in (0, 1), got ${JSON.stringify(tolerance)}`,
      `${NAME}: option tolerance`,
    );
  const maxPlayed =
    opts.maxPlayed === undefined
      ? defaultPlayed(delta, tolerance, L)
      : intOpt(opts.maxPlayed, 10_000, 2 * L, 10_000_000, `${NAME}: option maxPlayed`);
  if (lotteries) {
    const residues = rounds !== 'limit' || opts.residues === 'first' ? 1 : L;
    const played = rounds === 'limit' ? Math.min(maxPlayed, contractionRounds(delta, tolerance)) : rounds;
    checkWork(opts.maxWork, residues, played, t.seated.length, problem.actions);
  }
  const phases = {
    t,
    arena: new Arena(),
    delta,
    lotteries,
    order,
    lps: new Array(L),
    ties: new Array(L),
    ring: rounds === 'limit' ? Array.from({ length: L }, () => newSlot(t, lotteries)) : [],
  };
  const cfg: Config =
    lotteries && rounds === 'limit'
      ? { ...phases, turns: new Turns({ ...phases, seated: Int32Array.from(t.seated) }) }
      : phases;

  let agreement: Agreement;
  let round: number | null;
  let offers: Offer[];
  let limit: AlternatingOffersDetails['limit'];
  if (rounds === 'limit') {
    if (maxRounds < 2 * L)
      throw new UserError(
        `expected at least ${2 * L} (two turns of every proposer) for the limit, got ${maxRounds}`,
        `${NAME}: option maxRounds`,
      );
    // Residue 0 first: the later residues share its round LPs and maps but change nothing of it.
    // When its values wandered without settling (no limit, not a cycle) until `maxPlayed`, there is
    // no horizon-independent limit to check and the other residues are not played.
    const main = horizonLimit(cfg, 0, maxRounds, maxPlayed, tolerance);
    const byResidue: HorizonLimit[] = [main];
    const wandered = !main.converged && main.period === undefined && main.played + L > maxPlayed;
    const count = opts.residues === 'first' ? 1 : L;
    for (let r = 1; r < count && !wandered; r++)
      byResidue.push(horizonLimit(cfg, r, maxRounds, maxPlayed, tolerance));
    const agree = (x: Float64Array, y: Float64Array) =>
      t.seated.every((i) => Math.abs(x[i] - y[i]) <= 1e-9 * t.range[i]);
    if (count === L)
      limit = {
        converged: byResidue.every((h) => h.converged),
        // A cycle longer than a turn means the horizons T ≡ r (mod L) alone have no limit either.
        horizonIndependent:
          !wandered && byResidue.every((h) => h.period === undefined && agree(h.utilities, main.utilities)),
        byResidue,
      };
    agreement = main.agreement;
    round = main.round;
    offers = [...main.offers];
  } else {
    offers = new Array<Offer>(rounds);
    let W: Float64Array = Float64Array.from(t.d);
    for (let k = rounds; k >= 1; k--) {
      // A fresh slot a round: its arrays become the round's offer.
      const slot = newSlot(t, lotteries);
      play(cfg, (k - 1) % L, W, slot);
      offers[k - 1] = offerOf(slot, k, true);
      W = slot.value;
    }
    const first = offers.find((o) => o.decision !== null);
    agreement = first ? first.decision : null;
    round = first ? first.round : null;
  }
  const utilities = agreementUtilities(t, agreement);
  const discounted = Float64Array.from(t.d);
  if (round !== null)
    for (let i = 0; i < n; i++) discounted[i] = t.d[i] + delta[i] ** (round - 1) * (utilities[i] - t.d[i]);
  return {
    protocol: NAME,
    agreement,
    utilities,
    details: {
      rounds,
      order,
      discount: delta,
      disagreement: Float64Array.from(t.d),
      round,
      discounted,
      offers,
      ...(limit ? { limit } : {}),
    },
  };
}

/**
 * Backward induction for the horizons T ≡ r (mod L), T growing until the value settles. Over
 * lotteries the turns a cycle map covers are skipped (turns.ts); the turn before the stop is always
 * played round by round, so the offers, values and horizon reported are those of backward induction.
 */
function horizonLimit(
  cfg: Config,
  r: number,
  maxRounds: number,
  maxPlayed: number,
  tol: number,
): HorizonLimit {
  const { t, order } = cfg;
  const L = order.length;
  const n = t.p.parts;
  const ring = cfg.ring;
  const W = Float64Array.from(t.d);
  const prev = new Float64Array(W.length);
  let started = false;
  // The subgame's agreement at the current step: its decision and how many rounds later it comes.
  let agreed = false;
  let delay = 0;
  let decision: Target | null = null;
  const lottery = new Float64Array(t.p.actions);
  const seen = new Map<string, number>();
  // Lotteries: the values at the ends of the last turns played one after another, newest first.
  const past: Float64Array[] = [];
  let k = 0;
  let played = 0;
  let converged = false;
  let period: number | undefined;
  let steadyTurns = 0;
  // The change of the value over the last two turns (|W − prev|_w), for the map's worth.
  let change = Number.NaN;
  let before = Number.NaN;
  for (let T = r === 0 ? L : r; T <= maxRounds; T += L) {
    // A turn is steady when all its L rounds came from the round LPs with their bases unchanged.
    const { turns } = cfg;
    const pivots = turns?.pivots();
    const whole = turns !== undefined && T - k === L;
    let steady = whole;
    for (k++; k <= T; k++, played++) {
      // k rounds from the end of a horizon-T game (T ≡ r): round T − k + 1, proposer order[(r − k) mod L].
      const slot = ring[k % L];
      steady = play(cfg, (((r - k) % L) + L) % L, W, slot) && steady;
      // (Loops rather than TypedArray#set: a handful of numbers, copied every round.)
      for (let i = 0; i < n; i++) W[i] = slot.value[i];
      if (slot.fast || slot.decision) {
        agreed = true;
        delay = 0;
        decision = slot.decision;
        if (slot.fast) for (let a = 0; a < lottery.length; a++) lottery[a] = slot.lottery[a];
      } else if (agreed) delay++;
    }
    k = T;
    // The turn's change |W − prev|_w (NaN before the first): the stop, the cycle check and the maps read it.
    const moved = started ? distance(cfg, W, prev) : Number.NaN;
    if (moved <= tol) {
      converged = true;
      break;
    }
    if (!cfg.lotteries) {
      const key = t.seated.map((i) => W[i]).join(',');
      const at = seen.get(key);
      if (at !== undefined) {
        period = T - at;
        break;
      }
      seen.set(key, T);
    } else if (moved > CYCLE_GAP) {
      const j = past.findIndex((V) => distance(cfg, W, V) <= tol);
      if (j >= 0) {
        period = (j + 2) * L;
        break;
      }
    }
    // The budget ends a turn early rather than mid-way, so the offers stay one whole turn's.
    if (played + L > maxPlayed) break;
    // The turns a cycle map covers are skipped. A map is made for bases that held two whole turns
    // in a row (bases the values only pass through seldom repay one).
    steadyTurns = steady && turns?.pivots() === pivots ? steadyTurns + 1 : 0;
    if (turns) {
      before = change;
      change = moved;
      const make = steadyTurns >= 2 && mapRepays(change, before, tol, t.seated.length);
      const skipped = turns.skip(W, T, maxRounds, tol, make);
      T += L * skipped;
      k = T;
      if (skipped > 0) past.length = 0;
    }
    if (cfg.lotteries && started) {
      const V = past.length < CYCLE_TURNS - 1 ? new Float64Array(n) : (past.pop() as Float64Array);
      V.set(prev);
      past.unshift(V);
    }
    for (let i = 0; i < n; i++) prev[i] = W[i];
    started = true;
  }
  const offers: Offer[] = [];
  for (let j = 1; j <= Math.min(L, k); j++) offers.push(offerOf(ring[(k - j + 1) % L], j));
  const agreement: Agreement = agreed ? (decision ?? { kind: 'lottery', lottery }) : null;
  return {
    residue: r,
    converged,
    horizon: k,
    played,
    ...(period !== undefined ? { period } : {}),
    agreement,
    round: agreed ? delay + 1 : null,
    utilities: agreementUtilities(t, agreement),
    offers,
  };
}

/**
 * The longest cycle looked for over lotteries, in turns. Such cycles exist: among 4 delegates with
 * utilities 9 7 8 1 / 0 6 2 2 / 4 2 1 0 / 1 6 8 0, the horizons T ≡ 0 (mod 4) alternate between
 * two equilibria for ever (the test's example).
 */
const CYCLE_TURNS = 8;

/**
 * A cycle is only called one while a turn still moves the values by more than this (of a part's
 * range): values converging with alternating signs (a turn map with an eigenvalue near −1) also
 * come back to within the tolerance after two turns, long before one turn's change is that small.
 * At δ ≤ 0.999 such a change is at most ~500 × the tolerance when the two-turn one meets it.
 */
const CYCLE_GAP = 1e-6;

/** max over the delegates i of |W_i − prev_i| / range_i. */
function distance(cfg: Config, W: Float64Array, prev: Float64Array): number {
  const { t } = cfg;
  let s = 0;
  for (let k = 0; k < t.seated.length; k++) {
    const i = t.seated[k];
    s = Math.max(s, Math.abs(W[i] - prev[i]) / t.range[i]);
  }
  return s;
}

/**
 * Whether a cycle map is worth making: it costs about as many turns as there are delegates (one
 * turn per delegate, and two for its fixed point), so it is made only when the values, shrinking
 * by the ratio of their last two changes, still need more turns than that to meet the tolerance
 * (or do not shrink). Among many delegates a turn is many rounds and the values settle in a few
 * turns: there the map would cost more than all the turns it skips.
 */
function mapRepays(change: number, before: number, tol: number, delegates: number): boolean {
  if (!(change > 0 && before > 0 && change < before)) return true;
  const turnsLeft = Math.log(tol / change) / Math.log(change / before);
  return turnsLeft > delegates + 2;
}

/** One round's plan, in buffers a ring of rounds reuses. */
interface Slot {
  proposer: number;
  readonly thresholds: Float64Array;
  readonly value: Float64Array;
  /** A lottery offer from the round LP (`fast`), else `decision` is the offer (null: a pass). */
  fast: boolean;
  readonly lottery: Float64Array;
  decision: Target | null;
}

function newSlot(t: Table, lotteries: boolean): Slot {
  const n = t.p.parts;
  return {
    proposer: -1,
    thresholds: new Float64Array(n),
    value: new Float64Array(n),
    fast: false,
    lottery: new Float64Array(lotteries ? t.p.actions : 0),
    decision: null,
  };
}

/** The round's offer; copies of the slot's arrays unless `fresh` (a slot no round will reuse). */
function offerOf(s: Slot, round: number, fresh = false): Offer {
  return {
    round,
    proposer: s.proposer,
    decision: s.fast ? { kind: 'lottery', lottery: fresh ? s.lottery : s.lottery.slice() } : s.decision,
    thresholds: fresh ? s.thresholds : s.thresholds.slice(),
    value: fresh ? s.value : s.value.slice(),
  };
}

/**
 * One round of phase k: thresholds from the continuation W, then the proposer's offer or pass, into
 * `slot`. Over lotteries the phase's round LP answers when it certifies a unique optimum the
 * proposer accepts — the offer the general solver would make, its tie-break included; otherwise
 * (ties, passes, nearly infeasible thresholds) the round is solved as the module comment says.
 * True when the round LP answered.
 */
function play(cfg: Config, k: number, W: Float64Array, slot: Slot): boolean {
  const { t, delta } = cfg;
  const n = t.p.parts;
  const p = cfg.order[k];
  const c = slot.thresholds;
  for (let i = 0; i < n; i++) c[i] = t.d[i] + delta[i] * (W[i] - t.d[i]);
  slot.proposer = p;
  let certain: Target | null | undefined;
  if (cfg.lotteries) {
    const lp = roundLp(cfg, k);
    const status = lp.solve(c);
    if (status === 'optimal' && lp.unique && accepts(lp.value, c[p])) {
      slot.fast = true;
      slot.decision = null;
      lotteryUtilities(t.p, cleanLottery(lp.x, slot.lottery), slot.value);
      return true;
    }
    certain = certainOffer(cfg, k, lp, c);
  }
  const others = t.seated.filter((j) => j !== p);
  const decision =
    certain !== undefined
      ? certain
      : cfg.lotteries
        ? lotteryOffer(t, p, others, c)
        : pureOffer(t, p, others, c);
  slot.fast = false;
  slot.decision = decision;
  const v = slot.value;
  if (decision === null) for (let i = 0; i < n; i++) v[i] = c[i];
  else if (decision.kind === 'lottery') lotteryUtilities(t.p, decision.lottery, v);
  else for (let i = 0; i < n; i++) v[i] = t.p.u[i * t.p.actions + decision.action];
  return false;
}

function roundLp(cfg: Config, k: number): ThresholdLp {
  const { t } = cfg;
  const p = cfg.order[k];
  cfg.lps[k] ??= new ThresholdLp(
    t.p.u,
    t.p.actions,
    p,
    t.seated.filter((j) => j !== p),
    t.range,
    cfg.arena,
  );
  return cfg.lps[k];
}

/**
 * What the general solver would offer in a round the round LP did not settle, when the round LPs
 * certify it; undefined otherwise. A pass: the thresholds are infeasible by a certified margin, or
 * the proposer's best (a unique value, even where its lotteries are not) is clearly below its own
 * threshold. Tied optima: the tie-break LP (maximize Σ_{j ≠ p} u_j/range_j with u_p·x held at its
 * optimum, the general solver's second LP) certifies a unique optimum, which any solver returns.
 * Among many delegates with equal utilities (Mallows, single-peaked principals) most rounds are
 * of this kind, and the general solver, refactoring a basis of one row per delegate at each pivot,
 * took minutes.
 */
function certainOffer(cfg: Config, k: number, lp: ThresholdLp, c: Float64Array): Target | null | undefined {
  const { t } = cfg;
  const p = cfg.order[k];
  if (lp.status === 'infeasible') return null;
  if (lp.status !== 'optimal') return undefined;
  if (lp.value < c[p] - 1e-6 * t.range[p]) return null;
  if (!accepts(lp.value, c[p]) || t.seated.length < 2) return undefined;
  const tie = tieLp(cfg, k);
  const held = Float64Array.from(c);
  held[p] = lp.value;
  if (!(tie.solve(held) === 'optimal' && tie.unique)) return undefined;
  return { kind: 'lottery', lottery: cleanLottery(tie.x) };
}

/** Phase k's tie-break LP: the others' normalized sum (an extra row of utilities), all of them and p as responders. */
function tieLp(cfg: Config, k: number): ThresholdLp {
  const { t } = cfg;
  const p = cfg.order[k];
  const A = t.p.actions;
  const n = t.p.parts;
  if (!cfg.ties[k]) {
    const u = new Float64Array((n + 1) * A);
    u.set(t.p.u);
    for (const j of t.seated)
      if (j !== p) for (let a = 0; a < A; a++) u[n * A + a] += t.p.u[j * A + a] / t.range[j];
    const range = Float64Array.from([...t.range, 1]);
    cfg.ties[k] = new ThresholdLp(u, A, n, [...t.seated], range, cfg.arena);
  }
  return cfg.ties[k];
}
