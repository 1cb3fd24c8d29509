import { parseAnyScenario } from '../../src/scenario/index.js';
import { evaluate } from '../../src/run/one-shot.js';
self.onmessage = (e: MessageEvent<string>) => {
  const s = parseAnyScenario(e.data, 'scenario.yaml');
  if (s.kind === 'one-shot') self.postMessage(evaluate(s));
};
