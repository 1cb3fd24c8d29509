import type { ProfileRule } from '../../types.js';
import { baldwin, baldwinPut } from './baldwin.js';
import { benham } from './benham.js';
import { condorcetIrv } from './condorcet-irv.js';
import { coombs, coombsPut } from './coombs.js';
import { daunou } from './daunou.js';
import { irv, irvPut } from './instant-runoff.js';
import { nanson, weakNanson } from './nanson.js';
import { pluralityWithRunoff } from './plurality-with-runoff.js';
import { smithIrv } from './smith-irv.js';

/** The elimination rules, in the order `sulab methods` lists them. */
export const eliminationRules: ProfileRule[] = [
  irv,
  irvPut,
  pluralityWithRunoff,
  coombs,
  coombsPut,
  baldwin,
  baldwinPut,
  nanson,
  weakNanson,
  benham,
  smithIrv,
  condorcetIrv,
  daunou,
];
