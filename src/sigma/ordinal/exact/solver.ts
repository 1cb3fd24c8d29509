/**
 * The MIP solver the exact rules use past their dynamic programs: glpk.js (GLPK compiled to
 * WebAssembly). Its `glpk.js/node` build solves synchronously once loaded, but loading is
 * asynchronous (the WebAssembly module is instantiated behind a promise and there is no synchronous
 * path), so a rule's synchronous `run()` cannot load it on demand. Call `loadSolver()` (the rules
 * expose it as `prepare()`) once, before running Dodgson, Young, or Kemeny / Slater on more than
 * 20 candidates in one Smith component; `run()` then solves in place.
 *
 * The module is imported lazily, so code that never needs an ILP never loads the WebAssembly.
 */
import type { GLPK, LP, Result } from 'glpk.js/node';

let glpk: GLPK | undefined;
let loading: Promise<void> | undefined;

/** Loads the solver once; later calls return the same promise. */
export function loadSolver(): Promise<void> {
  loading ??= import('glpk.js/node').then(async (mod) => {
    glpk = await mod.default();
  });
  return loading;
}

/** True once `loadSolver()` has finished. */
export function solverReady(): boolean {
  return glpk !== undefined;
}

/** The loaded solver; throws, naming the rule, when `loadSolver()` has not finished. */
export function solver(rule: string): GLPK {
  if (!glpk)
    throw new Error(
      `${rule} needs the MIP solver (glpk.js), which loads asynchronously: await the rule's prepare() (or loadSolver() from src/sigma/ordinal/exact/solver.ts) once before running it`,
    );
  return glpk;
}

export type { LP };

/** Outcome of one MIP solve: 'optimal' with its variable values, or 'infeasible'. */
export type MipOutcome =
  | { status: 'optimal'; z: number; vars: Record<string, number> }
  | { status: 'infeasible' };

/**
 * Solves `lp` to proven optimality (no gap, no time limit, presolve on, quiet) and reports it.
 * Anything but optimal or infeasible (which the exact rules never produce on bounded integer
 * programs) is an internal error.
 */
export function solveMip(g: GLPK, lp: LP, rule: string): MipOutcome {
  const r: Result = g.solve(lp, { msglev: g.GLP_MSG_OFF, presol: true });
  const st = r.result.status;
  if (st === g.GLP_OPT) return { status: 'optimal', z: r.result.z, vars: r.result.vars };
  if (st === g.GLP_NOFEAS) return { status: 'infeasible' };
  throw new Error(`${rule}: the MIP solver stopped with GLPK status ${st} on "${lp.name}"`);
}
