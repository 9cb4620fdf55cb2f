// Preloaded (NODE_OPTIONS=--import) by the transport test: appends every load of `undici` to
// $UNDICI_WATCH_FILE, whether imported (ES modules: the hook below, in the loader thread) or
// required (the CommonJS bundles bin/ runs: Module._load wrapped on the main thread).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const isUndici = (specifier) => specifier === 'undici' || specifier.startsWith('undici/');
const note = (specifier) => appendFileSync(process.env.UNDICI_WATCH_FILE, `${specifier}\n`);

if (isMainThread) {
  register(import.meta.url);
  const load = Module._load;
  Module._load = function watchedLoad(request, ...rest) {
    if (typeof request === 'string' && isUndici(request)) note(request);
    return load.call(this, request, ...rest);
  };
}

export async function resolve(specifier, context, next) {
  if (isUndici(specifier)) note(specifier);
  return next(specifier, context);
}
