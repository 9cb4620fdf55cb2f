// Preloaded (NODE_OPTIONS=--import) by the transport test: appends every resolution of `undici` to
// $UNDICI_WATCH_FILE. On the main thread it registers itself; in the loader thread it is the hook.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  if (specifier === 'undici' || specifier.startsWith('undici/')) appendFileSync(process.env.UNDICI_WATCH_FILE, `${specifier}\n`);
  return next(specifier, context);
}
