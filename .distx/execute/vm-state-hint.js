// What to do when ZStack refuses an API in the VM's current state (VM.1010, alone or as the cause of
// VM.1001/1002/1003): the shortest run of lifecycle APIs from that state to one the API allows.
// Facts from ../shared/zstack-api/vm-states.md: which APIs each state accepts and where they lead
// (recover leaves a VM Stopped); transitional states last while a job runs.
/** Lifecycle APIs by the state they are accepted in, with the state they lead to. */
const MOVES = {
    Created: [['StartVmInstance', 'Running']],
    Running: [['StopVmInstance', 'Stopped'], ['PauseVmInstance', 'Paused'], ['DestroyVmInstance', 'Destroyed']],
    Stopped: [['StartVmInstance', 'Running'], ['DestroyVmInstance', 'Destroyed']],
    Paused: [['ResumeVmInstance', 'Running'], ['StopVmInstance', 'Stopped'], ['DestroyVmInstance', 'Destroyed']],
    Destroyed: [['RecoverVmInstance', 'Stopped']],
    Crashed: [['StopVmInstance', 'Stopped'], ['StartVmInstance', 'Running'], ['DestroyVmInstance', 'Destroyed']],
    Unknown: [['StopVmInstance', 'Stopped'], ['DestroyVmInstance', 'Destroyed']],
    NoState: [['StopVmInstance', 'Stopped']],
};
const TRANSITIONAL = new Set(['Starting', 'Stopping', 'Rebooting', 'Migrating', 'VolumeMigrating', 'Pausing', 'Resuming', 'Destroying', 'Expunging']);
/** ZStack's wording: `current vm instance state[Destroyed] doesn't allow to proceed message[APIStartVmInstanceMsg], allowed states are [...]`. */
const REFUSAL = /current vm instance state\[(\w+)\][^[]*message\[API(\w+)Msg\][^[]*allowed states are \[([^\]]*)\]/;
/** The APIs to run, in order, to get from `state` to one of `allowed`; undefined when there is no way. */
export function pathToStates(state, allowed) {
    const seen = new Set([state]);
    let frontier = [[state, []]];
    while (frontier.length) {
        const next = [];
        for (const [s, apis] of frontier) {
            if (allowed.includes(s))
                return apis;
            for (const [api, to] of MOVES[s] ?? []) {
                if (seen.has(to))
                    continue;
                seen.add(to);
                next.push([to, [...apis, api]]);
            }
        }
        frontier = next;
    }
    return undefined;
}
/** A one-line hint for a VM state refusal found in `texts` (details, elaborations of an error chain). */
export function vmStateHint(texts) {
    for (const t of texts) {
        const m = REFUSAL.exec(t);
        if (!m)
            continue;
        const [, state, api, list] = m;
        if (TRANSITIONAL.has(state))
            return `The VM is ${state}: wait for its running job to finish, then retry ${api}.`;
        const allowed = list.split(',').map((s) => s.trim()).filter(Boolean);
        const path = pathToStates(state, allowed);
        if (!path?.length)
            return undefined;
        const needs = allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
        return `The VM is ${state} and ${api} needs it ${needs}: run ${path.join(', then ')} first.`;
    }
    return undefined;
}
