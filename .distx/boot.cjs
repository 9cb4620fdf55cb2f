"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/boot/load-bundle.ts
var load_bundle_exports = {};
__export(load_bundle_exports, {
  CALLS_PROFILE: () => CALLS_PROFILE,
  bundleId: () => bundleId,
  cacheFileName: () => cacheFileName,
  cacheProfile: () => cacheProfile,
  loadBundle: () => loadBundle
});
module.exports = __toCommonJS(load_bundle_exports);
var import_node_path2 = require("node:path");
var import_node_fs2 = require("node:fs");
var import_node_vm = require("node:vm");

// src/boot/cache-file.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var MAX_CACHE_BYTES = 32 * 2 ** 20;
var STALE_TEMP_MS = 10 * 6e4;
var NOFOLLOW = import_node_fs.constants.O_NOFOLLOW ?? 0;
function codeCacheDir(env, homedir) {
  if (env.ZSTACK_CLI_NO_CODE_CACHE) return void 0;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && (0, import_node_path.isAbsolute)(xdg)) return (0, import_node_path.join)(xdg, "zstack-cli");
  const home = env.HOME || homedir();
  return home && (0, import_node_path.isAbsolute)(home) ? (0, import_node_path.join)(home, ".cache", "zstack-cli") : void 0;
}
function isPrivateDir(dir, uid) {
  try {
    const st = (0, import_node_fs.lstatSync)(dir);
    return st.isDirectory() && (uid === void 0 || st.uid === uid) && (st.mode & 18) === 0;
  } catch {
    return false;
  }
}
function readCacheFile(dir, name, uid) {
  if (!isPrivateDir(dir, uid)) return void 0;
  let fd;
  try {
    fd = (0, import_node_fs.openSync)((0, import_node_path.join)(dir, name), import_node_fs.constants.O_RDONLY | NOFOLLOW);
  } catch {
    return void 0;
  }
  try {
    const st = (0, import_node_fs.fstatSync)(fd);
    if (!st.isFile() || uid !== void 0 && st.uid !== uid || st.size === 0 || st.size > MAX_CACHE_BYTES) return void 0;
    const bytes = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < bytes.length) {
      const n = (0, import_node_fs.readSync)(fd, bytes, at, bytes.length - at, at);
      if (n === 0) return void 0;
      at += n;
    }
    return bytes;
  } catch {
    return void 0;
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function writeCacheFile(dir, name, data, uid, obsolete = () => false) {
  try {
    (0, import_node_fs.mkdirSync)(dir, { recursive: true, mode: 448 });
  } catch {
    return false;
  }
  if (!isPrivateDir(dir, uid)) return false;
  const temp = (0, import_node_path.join)(dir, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd;
  try {
    fd = (0, import_node_fs.openSync)(temp, import_node_fs.constants.O_WRONLY | import_node_fs.constants.O_CREAT | import_node_fs.constants.O_EXCL | NOFOLLOW, 384);
  } catch {
    return false;
  }
  let written = false;
  try {
    let at = 0;
    while (at < data.length) at += (0, import_node_fs.writeSync)(fd, data, at, data.length - at);
    written = true;
  } catch {
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
  try {
    if (!written) throw new Error("not written");
    (0, import_node_fs.renameSync)(temp, (0, import_node_path.join)(dir, name));
  } catch {
    removeQuietly(temp);
    return false;
  }
  removeObsolete(dir, name, obsolete);
  return true;
}
function removeObsolete(dir, keep, obsolete) {
  let files;
  try {
    files = (0, import_node_fs.readdirSync)(dir);
  } catch {
    return;
  }
  for (const f of files) {
    if (f === keep) continue;
    if (obsolete(f)) removeQuietly((0, import_node_path.join)(dir, f));
    else if (f.endsWith(".tmp") && f.startsWith(".") && olderThan((0, import_node_path.join)(dir, f), STALE_TEMP_MS)) removeQuietly((0, import_node_path.join)(dir, f));
  }
}
function olderThan(path, ms) {
  try {
    return Date.now() - (0, import_node_fs.lstatSync)(path).mtimeMs > ms;
  } catch {
    return false;
  }
}
function removeQuietly(path) {
  try {
    (0, import_node_fs.unlinkSync)(path);
  } catch {
  }
}

// src/boot/load-bundle.ts
var ID_LINE = /^\/\/ zstack-cli-bundle ([0-9A-Za-z.+-]+)\n/;
function cacheProfile(argv) {
  if (argv.some((a) => a === "--dry-run" || a === "--curl")) return "-plan";
  if (argv.length === 0) return "-shell";
  const api = argv.findIndex((a) => API_WORD.test(a));
  return api !== -1 && !argv.slice(0, api).includes("help") ? CALLS_PROFILE : "-local";
}
var CALLS_PROFILE = "";
var API_WORD = /^[A-Z][A-Za-z0-9]+$/;
function bundleId(source) {
  return ID_LINE.exec(source.slice(0, 200))?.[1];
}
function cacheFileName(bundle, id, runtime) {
  const safe = (s) => s.replace(/[^0-9A-Za-z._+-]/g, "_");
  return `${safe(bundle)}@${safe(id)}@${safe(runtime)}.v8cache`;
}
function loadBundle(file, host) {
  const source = (0, import_node_fs2.readFileSync)(file, "latin1");
  const id = bundleId(source);
  const name = (0, import_node_path2.basename)(file).replace(/\.cjs$/, "");
  const dir = id === void 0 ? void 0 : codeCacheDir(host.env, host.homedir);
  const cacheName = id === void 0 ? "" : cacheFileName(name, id, host.runtime);
  const cached = dir === void 0 ? void 0 : readCacheFile(dir, cacheName, host.uid);
  const script = new import_node_vm.Script(source, {
    filename: file,
    ...cached ? { cachedData: cached } : {}
  });
  const cache = dir === void 0 ? "off" : !cached ? "missing" : script.cachedDataRejected ? "rejected" : "accepted";
  const module2 = { exports: {} };
  script.runInThisContext().call(module2.exports, module2.exports, host.require, module2, file, (0, import_node_path2.dirname)(file));
  const writesCache = cache === "missing" || cache === "rejected";
  let saved = false;
  return {
    exports: module2.exports,
    cache,
    writesCache,
    saveCache: () => {
      if (!writesCache || saved || dir === void 0) return false;
      saved = true;
      try {
        const ofBundle = `${cacheName.split("@")[0]}@`;
        const ofBuild = `${cacheName.split("@").slice(0, 2).join("@")}@`;
        return writeCacheFile(dir, cacheName, script.createCachedData(), host.uid, (f) => f.startsWith(ofBundle) && !f.startsWith(ofBuild) && f.endsWith(".v8cache"));
      } catch {
        return false;
      }
    }
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CALLS_PROFILE,
  bundleId,
  cacheFileName,
  cacheProfile,
  loadBundle
});
