/**
 * The levels of a hierarchical sequential H (run/sequential-levels.ts), for the terminal and the
 * report: a tree of its principals, each with the trajectory its own Σ prefers and the one whose
 * actions it approved of most, who inside it fares worst under the agent H approves of most, and
 * whether the levels disagree. A flat H gets nothing.
 */
import type { AgentRun, SequentialResult } from '../run/sequential.js';
import type { AgentLevel, LevelVerdict } from '../run/sequential-levels.js';
import type { Cell, ReportTable } from './html.js';

const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '));
const f2 = (x: number) => x.toFixed(2);

/** A level's name in the tree: H, or its own name indented under its parent. */
function treeLabel(v: LevelVerdict, nbsp = false): string {
  if (v.depth === 0) return 'H';
  const pad = (nbsp ? '\u00a0\u00a0' : '  ').repeat(v.depth - 1);
  return `${pad}└ ${v.path.split('/').at(-1)}`;
}

const levelOf = (a: AgentRun, path: string): AgentLevel | undefined => a.levels?.find((l) => l.path === path);

/** What the essay's point needs from a result: the agent H approves of most and the levels that prefer another. */
export interface LevelsFinding {
  /** The agent whose trajectory collects the most approval at the top (the first when tied). */
  topApproved: string;
  /** Nested levels whose own Σ prefers none of the trajectories the top approves of most. */
  disagree: LevelVerdict[];
}

export function levelsFinding(r: SequentialResult): LevelsFinding | undefined {
  const v = r.level_verdicts;
  if (!v || v.length === 0) return undefined;
  const top = v[0].approves_most;
  return {
    topApproved: top[0],
    disagree: v.slice(1).filter((l) => l.error === undefined && !l.prefers.some((p) => top.includes(p))),
  };
}

/**
 * Parts of a level that fare worse under agent `a` than under the agent the level prefers, with
 * both welfare figures ("bob 0.00 (9.76)").
 */
function erodedParts(r: SequentialResult, v: LevelVerdict, agent: string): string[] {
  const a = r.alignments.find((x) => x.label === agent);
  const best = r.alignments.find((x) => x.label === v.prefers[0]);
  const la = a && levelOf(a, v.path);
  const lb = best && levelOf(best, v.path);
  if (!la || !lb || agent === v.prefers[0]) return [];
  return Object.keys(la.welfare)
    .filter((p) => la.welfare[p] < lb.welfare[p] - 1e-9)
    .map((p) => `${p} ${f2(la.welfare[p])} (${f2(lb.welfare[p])})`);
}

/** One line per level of the tree, then whether the levels disagree; none for a flat H. */
export function sequentialLevelLines(r: SequentialResult): string[] {
  const v = r.level_verdicts;
  const found = levelsFinding(r);
  if (!v || !found) return [];
  const t = found.topApproved;
  const lines = [
    `${r.scenario} is a hierarchy. Each level judges the agents' trajectories by its own Σ over its parts' expected welfare, with its weights as they were at t = 0:`,
    ...v.map((l) => {
      const verdict =
        l.error !== undefined ? `its Σ gives no verdict (${l.error})` : `its Σ prefers ${list(l.prefers)}`;
      const head = `  ${treeLabel(l)} (${l.sigma}): ${verdict}; it approved most of ${list(l.approves_most)}`;
      const eroded = l.depth === 0 ? [] : erodedParts(r, l, t);
      return eroded.length === 0
        ? `${head}.`
        : `${head}; under ${t} its parts ${eroded.join(', ')} fare worse than under ${l.prefers[0]} (in parentheses).`;
    }),
  ];
  lines.push(
    found.disagree.length === 0
      ? `The levels agree: every level's Σ prefers a trajectory H approves of most (${list(v[0].approves_most)}).`
      : `The levels disagree: H approves most of ${t}'s trajectory, but ${found.disagree.map((l) => `${l.path} prefers ${list(l.prefers)}`).join('; ')}.`,
  );
  return lines;
}

/** The report's tables of the levels; none for a flat H. */
export function sequentialLevelTables(r: SequentialResult): ReportTable[] {
  const v = r.level_verdicts;
  if (!v || v.length === 0) return [];
  const ok = r.alignments.filter((a) => !a.error && a.levels);
  const verdicts: Cell[][] = v.map((l) => [
    treeLabel(l, true),
    ...ok.map((a): Cell => {
      const approval = l.depth === 0 ? a.expected?.approval : levelOf(a, l.path)?.approval;
      const welfare = l.depth === 0 ? a.expected?.original_welfare : levelOf(a, l.path)?.original_welfare;
      if (approval === undefined || welfare === undefined) return null;
      const preferred = l.prefers.includes(a.label);
      return {
        value: `${f2(approval)} / ${f2(welfare)}${preferred ? ' ✓' : ''}`,
        ...(preferred ? { highlight: 'good' as const } : {}),
        title: preferred
          ? 'this level’s Σ prefers this trajectory'
          : `this level’s Σ prefers ${list(l.prefers)}`,
      };
    }),
  ]);
  const parts: Cell[][] = v.slice(1).flatMap((l) => [
    [treeLabel(l, true), ...ok.map(() => null)],
    ...Object.keys(levelOf(ok[0], l.path)?.welfare ?? {}).map((p): Cell[] => {
      const best = Math.max(...ok.map((a) => levelOf(a, l.path)?.welfare[p] ?? -Infinity));
      return [
        `${'\u00a0\u00a0'.repeat(l.depth)}${p}`,
        ...ok.map((a): Cell => {
          const w = levelOf(a, l.path)?.welfare[p];
          if (w === undefined) return null;
          return w < best - 1e-9 ? { value: w, highlight: 'warn' } : w;
        }),
      ];
    }),
  ]);
  return [
    {
      caption: `Every level of ${r.title} judging the agents: E[Σ its approval] / E[Σ its original welfare]`,
      header: ['level', ...ok.map((a) => a.label)],
      rows: verdicts,
      rowHeaders: true,
      note: 'Approval: the level’s own approval of A’s actions, with its weights at each step (as A may have reshaped them). Original welfare: its parts’ welfare with their t = 0 shares (utilitarian at every level, so the levels add up to H’s). ✓: the trajectory the level’s own Σ prefers among the agents’, reading its parts’ expected welfare with its t = 0 weights.',
    },
    {
      caption: `Each part’s expected welfare inside its level (${r.title})`,
      header: ['part', ...ok.map((a) => a.label)],
      rows: parts,
      rowHeaders: true,
      precision: 2,
      note: 'A leaf’s welfare: Σ_t of its reward normalized to [0, 1]; a nested principal’s: its original welfare. Highlighted: the part fares worse under this agent than under the best of the others.',
    },
  ];
}
