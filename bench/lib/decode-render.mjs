// Child: the client's share of a big query, stage by stage, as the CLI does it: the body as one
// string (undici's body.text()), JSON.parse, then renderChunks written to /dev/null. The body text
// stays referenced through rendering, as the CLI's ExecResult keeps it. Prints one JSON line.
// Usage: node decode-render.mjs <distUrl> <bodyFile> <format>
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

const [dist, file, format] = process.argv.slice(2);
const { renderChunks } = await import(`${dist}/render/index.js`);
const rss = () => process.memoryUsage().rss;
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

const out = { format, rssStart: rss() };
let t = process.hrtime.bigint();
const text = readFileSync(file, 'utf8');
out.readMs = ms(t);
out.bodyChars = text.length;
out.rssAfterText = rss();

t = process.hrtime.bigint();
const value = JSON.parse(text);
out.parseMs = ms(t);
out.rssAfterParse = rss();
out.rows = Array.isArray(value?.inventories) ? value.inventories.length : undefined;

t = process.hrtime.bigint();
const fd = openSync('/dev/null', 'w');
let chars = 0;
for (const chunk of renderChunks(value, { format, color: false })) {
  chars += chunk.length;
  writeSync(fd, chunk);
}
closeSync(fd);
out.renderMs = ms(t);
out.outputChars = chars;
out.rssAfterRender = rss();
out.keep = text.length > 0;
out.maxRss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(out));
