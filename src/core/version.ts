/**
 * sulab's version, as package.json gives it (a test keeps the two equal). Stores and queue jobs
 * record it: shards of different versions are not merged, and a worker refuses another version's jobs.
 */
export const VERSION = '0.1.0';
