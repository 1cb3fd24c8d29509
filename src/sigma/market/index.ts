import type { UtilityRule } from '../types.js';
import { firstPrice } from './first-price.js';
import { fisherMarket } from './fisher-market.js';
import { quadraticVoting } from './quadratic-voting.js';
import { vcg } from './vcg.js';

/** The market rules (parts spend a currency on the decision), in the order `sulab methods` lists them. */
export const marketRules: UtilityRule[] = [firstPrice, vcg, quadraticVoting, fisherMarket];
