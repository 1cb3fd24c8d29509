import { render } from 'preact';
const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
w.onmessage = (e) => render(<pre>{JSON.stringify(e.data, null, 1)}</pre>, document.getElementById('app')!);
w.postMessage('name: x\noutcomes: [a, b]\nparts:\n  - {name: p, utility: [1, 0]}\n');
