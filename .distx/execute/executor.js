// The executor: sends a planned request, follows async jobs (polling or webhook), and maps answers to results or typed errors.
import { setTimeout as delay } from 'node:timers/promises';
import { API_ROOT, endpointUrl } from '../plan/request.js';
import { CliError, jobWaitCommand, UsageError } from '../errors/cli-error.js';
import { addHint, ApiError, AuthError, ConnectionError, describeBody, InterruptedError, JobNotFoundError, JobTimeoutError, ProtocolError, TooLargeError, parseZStackError, } from './errors.js';
import { parseJsonExact } from './exact-json.js';
import { ReplyBody } from './reply-body.js';
import { addressOf, toConnectionError } from './transport.js';
/** Real time. */
export const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
};
export { randomJobUuid } from './job-uuid.js';
/**
 * Polling backoff: from 20 ms by x1.5, capped at 75 ms while the job is young (so a client returns
 * within ~100 ms of a job's end: the interval plus a round trip), then at 1 s (a long job costs the
 * server one poll a second). Mutable only so the bench can try other caps.
 */
export const POLL_BACKOFF = { initialMs: 20, factor: 1.5, youngCapMs: 75, youngForMs: 10_000, maxMs: 1000 };
/** The wait before the next poll, after waiting `prev` ms, `elapsedMs` after the call began. */
export function nextPollWait(prev, elapsedMs) {
    const cap = elapsedMs < POLL_BACKOFF.youngForMs ? POLL_BACKOFF.youngCapMs : POLL_BACKOFF.maxMs;
    return Math.min(prev * POLL_BACKOFF.factor, cap);
}
/** Login APIs and where the name to remember sits in their body. */
const LOGIN_NAME_FIELDS = {
    LogInByAccount: ['accountName'],
    LogInByUser: ['accountName', 'userName'],
    LogIn: ['username'],
    LogInByLdap: ['uid'],
};
const JOB_UUID_RE = /^[0-9a-f]{32}$/;
/**
 * Largest answer read for a query (other answers: the transport's 64 MiB). About 120k VMs; beyond
 * it the client would need gigabytes to parse and render, so it refuses with a hint to page.
 */
export const QUERY_MAX_BODY_BYTES = 256 * 2 ** 20;
/** Sends `planned` and, for async APIs, waits for the job (unless `asyncReturn`). */
export async function execute(planned, ctx) {
    const { api } = planned;
    const opts = ctx.options;
    const start = ctx.clock.now();
    const deadline = start + opts.timeoutMs;
    if (opts.signal?.aborted)
        throw new InterruptedError();
    const headers = { Accept: 'application/json' };
    let session;
    if (api.needSession) {
        session = await ctx.session.current();
        if (!session)
            throw AuthError.notLoggedIn(api.name);
        headers.Authorization = `OAuth ${session.uuid}`;
    }
    // Always sent, as ZStack's SDK does: it names the API call in the server's logs and is the job id.
    const jobUuid = ctx.newJobUuid();
    headers['X-Job-UUID'] = jobUuid;
    const webhook = api.async && !opts.asyncReturn ? opts.webhook : undefined;
    if (webhook)
        headers['X-Web-Hook'] = webhook.url;
    if (planned.bodyText !== null)
        headers['Content-Type'] = 'application/json;charset=UTF-8';
    const url = endpointUrl(ctx.endpoint, planned.pathAndQuery);
    let res;
    try {
        res = await ctx.transport.send({
            method: planned.method,
            url,
            headers,
            body: planned.bodyText,
            signal: opts.signal,
            timeoutMs: Math.max(1, opts.timeoutMs),
            ...(api.query ? { maxBodyBytes: QUERY_MAX_BODY_BYTES } : {}),
            ...(opts.streamBody && api.query ? { stream: true } : {}),
        });
    }
    catch (raw) {
        const e = asTransportError(raw, url);
        // An async request may have reached the server before the failure: say how to find its job.
        if (e instanceof InterruptedError)
            throw api.async ? new InterruptedError(jobUuid, false) : e;
        if (e instanceof TooLargeError && api.query)
            addHint(e, 'Ask for less: limit=, start=, fields= or a narrower condition.');
        if (e instanceof CliError && api.async)
            e.next ??= jobWaitCommand(jobUuid, 'The job may have been accepted; check with:');
        throw e;
    }
    let result;
    if (res.status === 202) {
        if (!api.async)
            throw new ProtocolError(`${api.name} is synchronous but the server answered 202`, 202);
        const accepted = acceptedJob(res.body, jobUuid);
        if (opts.asyncReturn)
            return { kind: 'accepted', ...accepted };
        result = webhook
            ? await awaitWebhook(webhook, accepted.jobUuid, ctx, start, deadline, session)
            : await pollJob(pollPath(accepted.location, accepted.jobUuid), accepted.jobUuid, ctx, start, deadline, session);
    }
    else if (res.status === 200 && res.stream) {
        const body = new ReplyBody(res.stream, {
            address: addressOf(new URL(url)),
            timeoutMs: deadline - ctx.clock.now(),
            ...(res.readTimeoutMs !== undefined ? { readTimeoutMs: res.readTimeoutMs } : {}),
            ...(opts.signal ? { signal: opts.signal } : {}),
        });
        return { kind: 'stream', status: 200, body };
    }
    else if (res.status === 200) {
        result = { kind: 'done', status: 200, value: parseResult(res.body, 200), bodyText: res.body };
    }
    else if (res.status === 204) {
        throw new ProtocolError(`the server answered 204 No Content to ${api.name}; ZStack always answers 200 with a body`, 204);
    }
    else {
        const err = await failure(res.status, res.body, ctx, session);
        // Logging out of a session the server already dropped: it is gone either way.
        const ended = planned.api.name === 'LogOut' && err.kind === 'session-expired' ? loggedOutUuid(planned) : undefined;
        if (ended)
            await ctx.session.forget(ended);
        // Not ZStack's own error (a proxy's 502/504): an async call may have reached the server.
        if (api.async && err instanceof ApiError && !err.error)
            (err.next ??= jobWaitCommand(jobUuid, 'The job may have been accepted; check with:'));
        throw err;
    }
    await recordSessionEffects(planned, result, ctx);
    return result;
}
/** Waits for a job accepted earlier (`zstack-cli job wait <uuid>`), polling it on this endpoint. */
export async function waitJob(jobUuid, ctx) {
    const id = jobUuid.trim().toLowerCase();
    if (!JOB_UUID_RE.test(id))
        throw new UsageError(`not a job uuid: ${jobUuid}`, 'expected 32 hex characters');
    if (ctx.options.signal?.aborted)
        throw new InterruptedError(id);
    const start = ctx.clock.now();
    const session = await ctx.session.current();
    return pollJob(`${API_ROOT}/api-jobs/${id}`, id, ctx, start, start + ctx.options.timeoutMs, session);
}
function acceptedJob(body, generated) {
    let location = '';
    try {
        const v = JSON.parse(body);
        if (typeof v === 'object' && v !== null && typeof v.location === 'string')
            location = v.location;
    }
    catch {
        // handled below
    }
    const fromLocation = location.split(/[?#]/)[0].split('/').pop()?.toLowerCase() ?? '';
    const jobUuid = JOB_UUID_RE.test(fromLocation) ? fromLocation : generated;
    if (!jobUuid)
        throw new ProtocolError('the server answered 202 without a job location');
    return { jobUuid, location: location || `${API_ROOT}/api-jobs/${jobUuid}` };
}
/** The path (and query) of a location; its host is ignored since it may be internal. */
function pollPath(location, jobUuid) {
    try {
        const u = new URL(location, 'http://placeholder');
        if (u.pathname && u.pathname !== '/')
            return u.pathname + u.search;
    }
    catch {
        // fall through
    }
    return `${API_ROOT}/api-jobs/${jobUuid}`;
}
async function pollJob(path, jobUuid, ctx, start, deadline, session) {
    const { clock, options: opts } = ctx;
    const url = endpointUrl(ctx.endpoint, path);
    const headers = { Accept: 'application/json' };
    if (session)
        headers.Authorization = `OAuth ${session.uuid}`;
    let wait = POLL_BACKOFF.initialMs;
    for (;;) {
        if (opts.signal?.aborted)
            throw new InterruptedError(jobUuid);
        const remaining = deadline - clock.now();
        if (remaining <= 0)
            throw new JobTimeoutError(jobUuid, opts.timeoutMs);
        let res;
        try {
            res = await ctx.transport.send({ method: 'GET', url, headers, body: null, signal: opts.signal, timeoutMs: remaining });
        }
        catch (raw) {
            const e = asTransportError(raw, url);
            if (e instanceof InterruptedError)
                throw new InterruptedError(jobUuid);
            if (e instanceof ConnectionError && e.reason === 'timeout' && clock.now() >= deadline)
                throw new JobTimeoutError(jobUuid, opts.timeoutMs);
            if (e instanceof CliError)
                e.next ??= jobWaitCommand(jobUuid, 'The job may still be running; check with:');
            throw e;
        }
        switch (res.status) {
            case 200:
                return { kind: 'done', status: 200, value: withJobHint(() => parseResult(res.body, 200), jobUuid), bodyText: res.body, jobUuid };
            case 202:
                break;
            case 404:
                throw new JobNotFoundError(jobUuid, res.body);
            default: {
                const err = await failure(res.status, res.body, ctx, session, jobUuid);
                // A ZStack error is the job's own failure; anything else (a proxy's page) says nothing of the job.
                if (err instanceof ApiError && !err.error)
                    (err.next ??= jobWaitCommand(jobUuid, 'The job may still be running; check with:'));
                throw err;
            }
        }
        opts.onProgress?.({ jobUuid, elapsedMs: clock.now() - start });
        const left = deadline - clock.now();
        if (left <= 0)
            throw new JobTimeoutError(jobUuid, opts.timeoutMs);
        try {
            await clock.sleep(Math.min(wait, left), opts.signal);
        }
        catch {
            throw new InterruptedError(jobUuid);
        }
        if (opts.signal?.aborted)
            throw new InterruptedError(jobUuid);
        wait = nextPollWait(wait, clock.now() - start);
    }
}
/** Progress ticks while waiting for a webhook. */
const WEBHOOK_TICK_MS = 1000;
async function awaitWebhook(receiver, jobUuid, ctx, start, deadline, session) {
    const { clock, options: opts } = ctx;
    const stop = new AbortController();
    const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
    let got;
    let failed;
    const arrival = receiver.wait(jobUuid, { signal }).then((r) => {
        got = r;
    }, (e) => {
        failed = e;
    });
    try {
        for (;;) {
            if (got)
                break;
            if (failed !== undefined || opts.signal?.aborted)
                throw new InterruptedError(jobUuid);
            const left = deadline - clock.now();
            if (left <= 0)
                throw new JobTimeoutError(jobUuid, opts.timeoutMs);
            const tick = clock.sleep(Math.min(WEBHOOK_TICK_MS, left), signal).then(() => undefined, () => undefined);
            await Promise.race([arrival, tick]);
            if (!got && !opts.signal?.aborted)
                opts.onProgress?.({ jobUuid, elapsedMs: clock.now() - start });
        }
    }
    finally {
        stop.abort();
    }
    const r = got;
    if (r.success)
        return { kind: 'done', status: 200, value: parseResult(r.body, 200), bodyText: r.body, jobUuid };
    throw await failure(503, r.body, ctx, session, jobUuid);
}
/** Transports should throw our errors; anything else from one is taken as a network failure. */
function asTransportError(e, url) {
    if (e instanceof CliError)
        return e;
    if (e instanceof Error && e.name === 'AbortError')
        return new InterruptedError();
    return toConnectionError(e, addressOf(new URL(url)));
}
function parseResult(body, status) {
    if (body.trim() === '')
        return {};
    try {
        return parseJsonExact(body);
    }
    catch {
        throw new ProtocolError(`the server answered ${status} with ${describeBody(body)}, not JSON`, status);
    }
}
/** Runs `f`; an error it throws gets the hint to check on the job. */
function withJobHint(f, jobUuid) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof CliError)
            (e.next ??= jobWaitCommand(jobUuid, 'The job may still be running; check with:'));
        throw e;
    }
}
/** Turns an error answer into the right typed error; forgets the session on ID.1001. */
async function failure(status, body, ctx, session, jobUuid) {
    const err = parseZStackError(body);
    if (err?.code === 'ID.1001') {
        if (session)
            await ctx.session.forget(session.uuid);
        return AuthError.sessionExpired(err, session?.account, jobUuid);
    }
    if (err?.code === 'ID.1000')
        return AuthError.badCredentials(err);
    return new ApiError(status, err, body, jobUuid);
}
/** After login store the session; after LogOut forget it. */
async function recordSessionEffects(planned, result, ctx) {
    if (result.kind !== 'done')
        return;
    const name = planned.api.name;
    const fields = LOGIN_NAME_FIELDS[name];
    if (fields) {
        const inv = result.value?.inventory;
        const account = loginName(planned, fields);
        if (inv && typeof inv.uuid === 'string' && account)
            await ctx.session.loggedIn(account, inv.uuid);
        return;
    }
    if (name === 'LogOut') {
        const ended = loggedOutUuid(planned);
        if (ended)
            await ctx.session.forget(ended);
    }
}
/** The session uuid a LogOut request ends (from its path). */
function loggedOutUuid(planned) {
    const m = /\/accounts\/sessions\/([^/?#]+)/.exec(planned.pathAndQuery);
    return m ? decodeURIComponent(m[1]) : undefined;
}
/** The name to remember for a login (`admin`, or `account/user` for LogInByUser); never the password. */
function loginName(planned, fields) {
    let body = planned.body;
    if (body === null && planned.bodyText !== null) {
        try {
            body = JSON.parse(planned.bodyText);
        }
        catch {
            return undefined;
        }
    }
    if (typeof body !== 'object' || body === null)
        return undefined;
    const rec = body;
    const inner = planned.api.wrapper && typeof rec[planned.api.wrapper] === 'object' && rec[planned.api.wrapper] !== null
        ? rec[planned.api.wrapper]
        : rec;
    const parts = fields.map((f) => inner[f]).filter((v) => typeof v === 'string' && v !== '');
    return parts.length ? parts.join('/') : undefined;
}
