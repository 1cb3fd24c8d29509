/** `sulab worker --queue URL`: runs the cells of sweeps queued with `sulab sweep FILE --queue URL`. */
import { availableParallelism } from 'node:os';
import { UserError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { connect, showUrl } from '../experiment/queue.js';
import { serve } from '../experiment/queue-worker.js';
import { intFlag, parseFlags } from './args.js';

const HELP = `usage: sulab worker --queue redis://HOST:PORT[/DB] [--concurrency N] [--stall-seconds S] [--idle-exit S]

Runs the cells of every sweep queued on that Redis (\`sulab sweep FILE --queue URL\` queues them and
collects the results): start as many as you like, on any machine that reaches the Redis. The
sweep's definition comes from the queue; a sweep queued by another sulab version is refused.
  --concurrency    cells evaluated at once, on as many threads (default: every core, here ${availableParallelism()})
  --stall-seconds  a job whose worker has been silent this long (killed, cut off) goes to another
                   worker (default 30)
  --idle-exit      exit after this many seconds with no sweep on the queue (default: run until stopped)

Ctrl-C or SIGTERM: finish the jobs under way, then exit.`;

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    {
      queue: { type: 'string' },
      concurrency: { type: 'string' },
      'stall-seconds': { type: 'string' },
      'idle-exit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'worker',
  );
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length > 0)
    throw new UserError('takes no file: the sweep comes from the queue', 'sulab worker');
  if (values.queue === undefined)
    throw new UserError('expected --queue redis://HOST:PORT[/DB]', 'sulab worker');
  const concurrency = intFlag(values.concurrency, 'concurrency', availableParallelism(), 1);
  const stallSeconds = intFlag(values['stall-seconds'], 'stall-seconds', 30, 1);
  const idleExit =
    values['idle-exit'] === undefined ? undefined : intFlag(values['idle-exit'], 'idle-exit', 0, 0);
  const redis = await connect(values.queue);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    log('stopping: finishing the jobs under way (again to quit now)');
  };
  const log = (line: string) => process.stderr.write(`sulab worker: ${line}\n`);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  log(
    `sulab ${VERSION}, ${concurrency} thread${concurrency === 1 ? '' : 's'}, pulling from ${showUrl(values.queue)}`,
  );
  try {
    const jobs = await serve({ redis, concurrency, stallSeconds, idleExit, log, stopped: () => stopping });
    log(`${jobs} job${jobs === 1 ? '' : 's'} done; exiting`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    redis.disconnect();
  }
}
