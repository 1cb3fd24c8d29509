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
import { approvalIrv, approvalIrvPut } from './approval-irv.js';
import { bottomTwoRunoff, bottomTwoRunoffPut } from './bottom-two-runoff.js';
import { benhamPut, condorcetIrvPut, smithIrvPut } from './combined-put.js';
import { iteratedRemovalCl } from './iterated-removal-cl.js';
import { knockout } from './knockout.js';
import { pluralityVeto } from './plurality-veto.js';
import { raynaud } from './raynaud.js';
import {
  tidemanAlternativeSchwartz,
  tidemanAlternativeSchwartzPut,
  tidemanAlternativeSmith,
  tidemanAlternativeSmithPut,
} from './tideman-alternative.js';
import { approvalIrvTb, baldwinTb, benhamTb, coombsTb, irvTb } from './tie-breaker.js';
import { woodall } from './woodall.js';

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
  benhamPut,
  smithIrvPut,
  condorcetIrvPut,
  approvalIrv,
  approvalIrvPut,
  bottomTwoRunoff,
  bottomTwoRunoffPut,
  woodall,
  tidemanAlternativeSmith,
  tidemanAlternativeSmithPut,
  tidemanAlternativeSchwartz,
  tidemanAlternativeSchwartzPut,
  knockout,
  raynaud,
  iteratedRemovalCl,
  pluralityVeto,
  irvTb,
  approvalIrvTb,
  coombsTb,
  baldwinTb,
  benhamTb,
];
