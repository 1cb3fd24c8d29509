import type { ProfileRule } from '../../types.js';
import { dodgson } from './dodgson.js';
import { kemenyYoung } from './kemeny.js';
import { slater } from './slater.js';
import { young } from './young.js';

export { loadSolver as prepareExactRules } from './solver.js';

/**
 * The exact rules, in the order `sulab methods` lists them. Each also has `prepare()`, which loads
 * the MIP solver they use past their dynamic programs (Dodgson and Young always): await it once
 * before `run()`, which is synchronous.
 */
export const exactRules: ProfileRule[] = [kemenyYoung, slater, dodgson, young];
