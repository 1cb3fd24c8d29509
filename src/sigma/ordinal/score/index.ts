import type { ProfileRule } from '../../types.js';
import { approval } from './approval.js';
import { cumulative } from './cumulative.js';
import { disAndApproval } from './dis-and-approval.js';
import { majorityJudgmentRule } from './majority-judgment.js';
import { range } from './range.js';
import { relativeUtilitarian } from './relative-utilitarian.js';
import { star } from './star.js';

/** The score rules, in the order `sulab methods` lists them. */
export const scoreRules: ProfileRule[] = [
  approval,
  range,
  star,
  majorityJudgmentRule,
  relativeUtilitarian,
  disAndApproval,
  cumulative,
];
