/** A worker thread of `validateHtml` (html.ts): validates its share of the pages and posts the problems back. */
import { parentPort, workerData } from 'node:worker_threads';
import { validateFiles } from './html.ts';

const { distDir, files } = workerData as { distDir: string; files: string[] };
parentPort!.postMessage(await validateFiles(distDir, files));
