// dynalite on its own thread: the local stack's handlers and the emulator then use both cores, the
// way a Lambda function and DynamoDB run apart on AWS. Plain JavaScript, so the worker starts
// without a TypeScript loader (`sinergi local`, vitest and the benchmarks load TypeScript differently).
// Protocol with infra/local/emulators.ts: workerData { port, host, options } (dynalite's options);
// posts { type: 'listening', port } or { type: 'error', message }; on { type: 'close' } closes the
// server and posts { type: 'closed' }.
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const { port, host, options } = workerData;
const server = dynalite(options);
server.once('error', (error) => parentPort.postMessage({ type: 'error', message: error.message }));
server.listen(port, host, () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (message) => {
  if (message?.type !== 'close') return;
  server.closeAllConnections?.();
  server.close(() => {
    parentPort.postMessage({ type: 'closed' });
    parentPort.close();
  });
});
