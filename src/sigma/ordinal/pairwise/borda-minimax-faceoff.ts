/**
 * Borda–Minimax faceoff (Foley): if the Borda winners and the Minimax winners are the same set, they
 * win; otherwise every Borda winner meets every Minimax winner head to head, and the majority winner
 * of each meeting wins (both, if tied).
 *
 * Example: 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1: Borda elects 1 (6 points), Minimax 0 and 1
 * (worst defeats 1); 1 meets 0 and loses 2–3, and meets itself: winners [0, 1].
 */
import { marginTolerance } from '../../majority.js';
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { borda } from '../positional/borda.js';
import { inPlay } from '../positional/positions.js';
import { minimax } from './minimax.js';

export const bordaMinimaxFaceoff: ProfileRule = {
  name: 'borda-minimax-faceoff',
  aliases: [],
  title: 'Borda–Minimax faceoff',
  description:
    'The Borda and Minimax winners if they agree; otherwise the winners of the head-to-head meetings of each Borda winner with each Minimax winner.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's borda_minimax_faceoff: a tied meeting elects both; a candidate that wins both rules meets itself and stays (symmetric Borda on weak orders, Minimax by margins).",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference: 'Foley; pref_voting combined_methods.borda_minimax_faceoff',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const b = borda.run(s, cs).winners;
    const x = minimax.run(s, cs).winners;
    if (b.length === x.length && b.every((c, i) => c === x[i])) return setResult(b);
    const g = s.margin();
    const m = s.m;
    const tol = marginTolerance(s);
    const out: number[] = [];
    for (const a of b)
      for (const c of x) {
        const d = g[a * m + c];
        if (d >= -tol) out.push(a);
        if (d <= tol) out.push(c);
      }
    return setResult(out);
  },
};
