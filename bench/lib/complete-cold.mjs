// Child: the first completion in a fresh process (module import, registry data read, first call).
// Prints one JSON line. Usage: node complete-cold.mjs <distUrl> <line>
const [dist, line] = process.argv.slice(2);
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
let t = process.hrtime.bigint();
const { loadRegistry } = await import(`${dist}/schema/registry.js`);
const { complete } = await import(`${dist}/complete/index.js`);
const importMs = ms(t);
t = process.hrtime.bigint();
const registry = loadRegistry();
const first = await complete(line, line.length, { registry });
const firstCallMs = ms(t);
t = process.hrtime.bigint();
await complete(line, line.length, { registry });
const secondCallMs = ms(t);
console.log(JSON.stringify({ importMs, firstCallMs, secondCallMs, candidates: first.candidates.length }));
