// 1b. A one-shot command that starts a job: `zstack-cli StartVmInstance` from spawn to exit, next to
// curl sending the same PUT and polling the job (the network + server floor) and `node -e 0` (the
// runtime floor). Runs are interleaved round by round so drift in machine load hits every case
// alike. (Queries, --dry-run and __complete: startup.mjs.)
import { runTimed } from './proc.mjs';
import { summarize } from './stats.mjs';

/** Polls the job location with curl in a tight shell loop (no sleep; each curl is the pacing), at most 500 times. */
const CURL_ASYNC_SCRIPT = `
loc=$(curl -sS --fail -X PUT -H "Accept: application/json" -H "Authorization: OAuth $S" \\
  -H "Content-Type: application/json;charset=UTF-8" -d "$BODY" "$URL" | sed -n 's/.*"location" *: *"\\([^"]*\\)".*/\\1/p')
[ -n "$loc" ] || exit 3
i=0
while [ $i -lt 500 ]; do
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Accept: application/json" -H "Authorization: OAuth $S" "$loc")
  [ "$code" = 200 ] && exit 0
  [ "$code" = 202 ] || exit 4
  i=$((i+1))
done
exit 5`;

export async function benchOneShot(ctx) {
  const { cli, env, host, port, session, control, runs, warmup, haveCurl } = ctx;
  const node = process.execPath;
  const cliArgs = (...words) => [cli, '--host', host, '--port', String(port), ...words];

  // The exact requests the CLI sends, from its own --dry-run, so curl sends the same.
  const dry = async (...words) => {
    const r = await runTimed(node, cliArgs('--dry-run', ...words), { env, capture: true });
    if (r.code !== 0) throw new Error(`--dry-run ${words.join(' ')} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  const stopped = (await control.query('/vm-instances', ['state=Stopped'], '&limit=1'))[0];
  if (!stopped) throw new Error('the demo seed has no stopped VM');
  const vm = stopped.uuid;
  const startReq = await dry('StartVmInstance', `uuid=${vm}`);

  const failures = [];
  const check = (label, r) => {
    if (r.code !== 0 || r.timedOut) failures.push(`${label}: exit ${r.code}${r.timedOut ? ' (timed out)' : ''} ${r.stderr.trim().slice(0, 200)}`);
    return r.ms;
  };

  const cases = {
    nodeFloor: { label: 'node -e 0', run: () => runTimed(node, ['-e', '0'], { env }) },
    cliStart: {
      label: 'zstack-cli StartVmInstance uuid=<stopped VM>',
      before: () => control.ensureStopped(vm),
      run: () => runTimed(node, cliArgs('StartVmInstance', `uuid=${vm}`), { env }),
      after: async () => {
        const s = await control.vmState(vm);
        if (s !== 'Running') failures.push(`cliStart: VM is ${s} after the command`);
      },
    },
  };
  if (haveCurl) {
    cases.curlStart = {
      label: 'curl PUT + poll job (sh loop)',
      before: () => control.ensureStopped(vm),
      run: () => runTimed('sh', ['-c', CURL_ASYNC_SCRIPT], { env: { ...env, S: session, URL: startReq.url, BODY: JSON.stringify(startReq.body) } }),
      after: async () => {
        const s = await control.vmState(vm);
        if (s !== 'Running') failures.push(`curlStart: VM is ${s} after the script`);
      },
    };
  }

  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const [key, c] of Object.entries(cases)) {
      if (c.before) await c.before();
      const ms = check(key, await c.run());
      if (c.after) await c.after();
      if (round >= warmup) samples[key].push(ms);
    }
  }
  const stats = Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, { label: cases[k].label, ...summarize(s) }]));
  const target = (curlKey) => (stats[curlKey] ? 1.5 * (stats.nodeFloor.median + stats[curlKey].median) : NaN);
  return {
    vm,
    requests: { start: startReq },
    stats,
    targets: {
      start: { limitMs: target('curlStart'), actualMs: stats.cliStart.median },
    },
    failures,
    method:
      'wall time from spawn() to the exit event (process.hrtime), stdout to /dev/null; cases interleaved round by round; ' +
      'curl async = one sh -c script: curl PUT, then curl GET on the 202 location in a tight loop (no sleep, each curl paces it) until 200; ' +
      'the VM is stopped again (untimed) before each start run and checked Running after',
  };
}
