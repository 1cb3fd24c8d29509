/**
 * What the readings say at every level of a hierarchical principal (run/levels.ts), for the
 * terminal and the report: which level each verdict is about, where a level's own verdict differs
 * from the top's, and who inside each level is worst off under what A does for the whole.
 */
import type { ScenarioResult } from '../run/one-shot.js';
import type { Cell, ReportSection } from './html.js';
import { decisionText } from './scenario-report.js';

export interface LevelSummary {
  path: string;
  /** 1 = a part of H, 2 = a part of a part, … */
  depth: number;
  /** Readings that evaluated at this level. */
  readings: number;
  /** Readings under which this level, taken alone, is self-aligned. */
  selfAligned: string[];
  /** Readings whose target for this level alone differs from their target for the whole. */
  differs: string[];
  /** Worst-off parts of this level under the top-level targets, with how many readings put them there. */
  worstOff: [string, number][];
}

export function levelSummaries(r: ScenarioResult): LevelSummary[] {
  const byPath = new Map<string, LevelSummary>();
  for (const a of r.alignments)
    for (const l of a.levels ?? []) {
      let s = byPath.get(l.path);
      if (!s) {
        s = {
          path: l.path,
          depth: l.path.split('/').length,
          readings: 0,
          selfAligned: [],
          differs: [],
          worstOff: [],
        };
        byPath.set(l.path, s);
      }
      if (l.error !== undefined) continue;
      s.readings++;
      if (l.self_aligned) s.selfAligned.push(a.label);
      if (l.agrees_with_top === false) s.differs.push(a.label);
      if (l.worst_off !== null) {
        const e = s.worstOff.find((w) => w[0] === l.worst_off);
        if (e) e[1]++;
        else s.worstOff.push([l.worst_off, 1]);
      }
    }
  for (const s of byPath.values()) s.worstOff.sort((x, y) => y[1] - x[1]);
  return [...byPath.values()];
}

const list = (xs: readonly string[], max = 4) =>
  xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`;

/** One sentence per level, in the essay's terms; none for a flat principal. */
export function levelLines(r: ScenarioResult): string[] {
  const levels = levelSummaries(r);
  if (levels.length === 0) return [];
  return [
    `The lines above are verdicts about H as a whole (${r.scenario}, the top level). At the levels inside it:`,
    ...levels.map((s) => {
      const worst =
        s.worstOff.length === 0
          ? 'its parts fare the same under the top’s targets'
          : `worst off under the top’s targets: ${s.worstOff.map(([p, n]) => `${p} (${n})`).join(', ')}`;
      const differs =
        s.differs.length === 0
          ? 'every reading would have A do for it what it does for the whole'
          : `${s.differs.length} reading${s.differs.length === 1 ? '' : 's'} would have A do something else for it alone (${list(s.differs)})`;
      return `  ${s.path}: self-aligned under ${s.selfAligned.length} of ${s.readings} readings; ${differs}; ${worst}.`;
    }),
  ];
}

/** The report's section on the levels of one scenario; undefined for a flat principal. */
export function levelsSection(r: ScenarioResult): ReportSection | undefined {
  const levels = levelSummaries(r);
  if (levels.length === 0) return undefined;
  const ok = r.alignments.filter((a) => !a.error);
  const tree = (path: string, depth: number) =>
    `${'\u00a0\u00a0'.repeat(depth - 1)}└ ${path.split('/').at(-1)}`;
  const targets: Cell[][] = levels.map((s) => [
    tree(s.path, s.depth),
    ...ok.map((a): Cell => {
      const l = a.levels?.find((x) => x.path === s.path);
      if (!l) return null;
      if (l.error !== undefined) return { value: 'error', highlight: 'bad', title: l.error };
      const text = `${decisionText(l.target)}${l.self_aligned ? '' : ' (not self-aligned)'}`;
      return l.agrees_with_top ? text : { value: text, highlight: 'warn' };
    }),
  ]);
  const worst: Cell[][] = levels.map((s) => [
    tree(s.path, s.depth),
    ...ok.map((a): Cell => {
      const l = a.levels?.find((x) => x.path === s.path);
      if (!l || l.error !== undefined) return null;
      if (l.worst_off === null) return 'none';
      return { value: `${l.worst_off} (${l.welfare[l.worst_off].toFixed(2)})` };
    }),
  ]);
  return {
    heading: `Levels inside ${r.title}`,
    id: `${r.scenario}-levels`,
    paragraphs: [
      `H here is a hierarchy: ${levels.map((s) => s.path).join(', ')} are principals in their own right. The verdicts above are about the top level; each reading is also applied to every level alone. ${levelLines(r).slice(1).join(' ')}`,
    ],
    tables: [
      {
        caption: `What each reading would have A do for each level alone (${r.title})`,
        header: ['level', ...ok.map((a) => a.label)],
        rows: targets,
        rowHeaders: true,
        note: 'Highlighted: the level’s own target differs from the reading’s target for the whole. “Not self-aligned”: the reading applied to the level alone rejects the level’s own behaviour.',
      },
      {
        caption: `Who inside each level is worst off under what A does for the whole (${r.title})`,
        header: ['level', ...ok.map((a) => a.label)],
        rows: worst,
        rowHeaders: true,
        precision: 2,
        note: 'The part of the level with the lowest welfare (normalized, own beliefs) at the reading’s top-level target, and that welfare.',
      },
    ],
  };
}
