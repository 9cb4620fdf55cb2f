import { Call, Later, QueryReply } from '../api/context.js';
import { ApiError, asApiError, Codes } from '../api/errors.js';
import { handlerFor } from '../api/handlers.js';
import { answerJson } from '../api/query.js';
import { randomZStackUuid } from '../auth/sessions.js';
import { isLoopbackUrl } from '../jobs/webhook.js';
import { wantsSchema } from '../query/schema.js';
import { BadRequest, decodeCall, pickApi, validateParams } from './decode.js';
import { sendJson, sendText } from './reply.js';
import { sendQueryAnswer } from './stream.js';
export const API_ROOT = '/zstack/v1';
/** The same API without ZStack's `/zstack` servlet context path (what an SDK without a context path calls). */
const BARE_ROOT = '/v1';
const MAX_BODY = 32 * 1024 * 1024;
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
            size += c.length;
            if (size > MAX_BODY) {
                reject(new BadRequest(`the request body is larger than ${MAX_BODY} bytes`));
                req.destroy();
            }
            else
                chunks.push(c);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
function header(req, name) {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
export class FrontDoor {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    /** Handles one request; never throws, always answers. */
    async handle(req, res) {
        const method = req.method ?? 'GET';
        const rawUrl = req.url ?? '/';
        let status = 0;
        let label = '';
        try {
            [status, label] = await this.route(req, res, method, rawUrl);
        }
        catch (e) {
            const err = e instanceof BadRequest ? undefined : asApiError(e);
            if (!res.headersSent) {
                if (err) {
                    status = 503;
                    sendJson(res, 503, { error: err.toJSON() });
                }
                else {
                    status = 400;
                    sendText(res, 400, e.message);
                }
            }
            else
                res.end();
            label = err ? `internal error: ${err.details}` : 'bad request';
        }
        this.deps.log?.(`${method} ${rawUrl} -> ${status}${label ? ` ${label}` : ''}`);
    }
    async route(req, res, method, rawUrl) {
        const url = new URL(rawUrl, 'http://simulator');
        const path = url.pathname;
        const root = [API_ROOT, BARE_ROOT].find((r) => path === r || path.startsWith(`${r}/`));
        if (root === undefined) {
            sendText(res, 404, `no API is mapped to the URL[${path}]`);
            return [404, ''];
        }
        let segments;
        try {
            segments = path.slice(root.length).split('/').filter((s) => s.length > 0).map((s) => decodeURIComponent(s));
        }
        catch {
            throw new BadRequest(`the URL[${path}] is not correctly percent-encoded`);
        }
        if (segments[0] === 'api-jobs' && segments.length === 2) {
            if (method !== 'GET') {
                sendText(res, 405, `the URL[${path}] only supports GET`, { Allow: 'GET' });
                return [405, ''];
            }
            return this.poll(res, root, segments[1], wantsSchema(req.headers));
        }
        const match = this.deps.router.match(method, segments);
        if (match.kind === 'notFound') {
            sendText(res, 404, `no API is mapped to the URL[${path}]`);
            return [404, ''];
        }
        if (match.kind === 'wrongMethod') {
            sendText(res, 405, `the URL[${path}] does not support the HTTP method ${method}; it supports [${match.allowed.join(', ')}]`, { Allow: match.allowed.join(', ') });
            return [405, ''];
        }
        const text = await readBody(req);
        let body;
        if (text.trim() !== '') {
            try {
                body = JSON.parse(text);
            }
            catch (e) {
                throw new BadRequest(`the request body is not valid JSON: ${e.message}`);
            }
        }
        const candidate = pickApi(match.candidates, body, path);
        const api = candidate.api;
        const jobUuid = header(req, 'x-job-uuid');
        if (jobUuid !== undefined) {
            if (!/^[0-9a-fA-F]{32}$/.test(jobUuid))
                throw new BadRequest(`Invalid header[X-Job-UUID]: ${jobUuid}, it must be a UUID with '-' stripped (32 characters)`);
            if (method !== 'GET' && this.deps.jobs.isUsed(jobUuid))
                throw new BadRequest('Duplicate job uuid');
        }
        const webhook = header(req, 'x-web-hook');
        if (webhook !== undefined && !isLoopbackUrl(webhook))
            throw new BadRequest(`Invalid header[X-Web-Hook]: ${webhook}; the simulator only calls back http URLs on the loopback interface`);
        let sessionUuid;
        if (api.needSession) {
            const auth = header(req, 'authorization');
            if (auth === undefined)
                throw new BadRequest(`missing header[Authorization], API[${api.name}] needs a session: Authorization: OAuth <session uuid>`);
            const m = /^OAuth\s+(\S+)\s*$/i.exec(auth);
            if (!m)
                throw new BadRequest(`invalid header[Authorization]: it must be 'OAuth <session uuid>'`);
            sessionUuid = m[1];
        }
        const decoded = decodeCall(candidate, url.searchParams, body);
        if (jobUuid !== undefined && method !== 'GET')
            this.deps.jobs.markUsed(jobUuid);
        const { env } = this.deps;
        let account;
        const process = () => {
            let session;
            if (sessionUuid !== undefined) {
                session = env.sessions.validate(sessionUuid);
                if (!session)
                    throw new ApiError(Codes.INVALID_SESSION, `the session[uuid:${sessionUuid}] does not exist or has expired`);
                account = session.accountUuid;
            }
            const params = validateParams(api, decoded.params);
            if (session)
                env.access.check(session, api, params);
            const call = new Call(env, api, params, decoded.systemTags, decoded.userTags, url.searchParams, session);
            return env.access.as(account, () => handlerFor(api)(call));
        };
        /** A job's second half runs as the account that started it, so what it creates is that account's. */
        const finish = (later) => env.access.as(account, later.finish);
        // Query replies always carry the schema map (as ZStack's do) and are streamed. Other sync replies pay for noting
        // object kinds only when the request asks for the map; async jobs always note them (a few objects), so a poll
        // asking for the map can have it even when the starting request did not.
        const schema = wantsSchema(req.headers);
        if (!api.async) {
            let out;
            let kinds;
            try {
                if (schema)
                    ({ value: out, kinds } = env.schema.record(() => {
                        const first = process();
                        return first instanceof Later ? finish(first) : first;
                    }));
                else {
                    out = process();
                    if (out instanceof Later)
                        out = finish(out);
                }
            }
            catch (e) {
                const err = asApiError(e);
                sendJson(res, 503, { error: err.toJSON() });
                return [503, `${api.name} ${err.code}`];
            }
            if (out instanceof QueryReply) {
                await sendQueryAnswer(res, out.answer, env.rowText());
                return [200, `${api.name} ${out.answer.countOnly ? 'count' : `${out.answer.ids.length} row(s)`}`];
            }
            sendJson(res, 200, kinds ? this.withSchema(out, kinds) : out);
            return [200, api.name];
        }
        const id = jobUuid ?? randomZStackUuid();
        this.deps.jobs.start(id, api.name, webhook, schema);
        let outcome;
        try {
            const { value: out, kinds } = env.schema.record(process);
            outcome = () => {
                const body = out instanceof Later ? env.schema.record(() => finish(out), kinds).value : out instanceof QueryReply ? answerJson(out.answer, env.renderer) : out;
                return { body, kinds };
            };
        }
        catch (e) {
            const err = asApiError(e);
            outcome = () => ({ error: err.toJSON() });
        }
        this.deps.jobs.after(this.deps.jobDelayMs, () => this.complete(id, outcome));
        sendJson(res, 202, { location: this.location(root, id) });
        return [202, `${api.name} job ${id}`];
    }
    complete(id, outcome) {
        let result;
        try {
            result = outcome();
        }
        catch (e) {
            result = { error: asApiError(e).toJSON() };
        }
        const job = this.deps.jobs.finish(id, result);
        this.deps.log?.(`job ${id} (${job?.api ?? '?'}) ${'body' in result ? 'succeeded' : `failed: ${result.error.code}`}`);
        if (job?.webhook) {
            if ('body' in result)
                this.deps.webhooks.deliver(job.webhook, id, true, job.schema ? this.jobBody(job) : result.body);
            else
                this.deps.webhooks.deliver(job.webhook, id, false, { error: result.error });
        }
    }
    /** `body` plus its `schema` map, as ZStack writes a successful reply for a request with X-JSON-Schema. */
    withSchema(body, kinds) {
        return { ...body, schema: this.deps.env.schema.build(body, kinds) };
    }
    jobBody(job) {
        const body = job.body ?? {};
        return this.withSchema(body, job.kinds ?? new Map());
    }
    /** Where a job is polled: below the same root the client called. */
    location(root, id) {
        return `${this.deps.baseUrl()}${root}/api-jobs/${id}`;
    }
    /** A finished job's answer; the schema map when the poll or the starting request asked for it. */
    poll(res, root, id, schema) {
        this.deps.jobs.sweep();
        const job = this.deps.jobs.get(id);
        if (!job) {
            sendText(res, 404, `the job[uuid:${id}] is not found or its result has expired`);
            return [404, ''];
        }
        if (job.state === 'running') {
            sendJson(res, 202, { location: this.location(root, id) });
            return [202, `job ${id} running`];
        }
        if (job.state === 'succeeded') {
            sendJson(res, 200, schema || job.schema ? this.jobBody(job) : (job.body ?? {}));
            return [200, `job ${id}`];
        }
        sendJson(res, 503, { error: job.error });
        return [503, `job ${id} ${job.error?.code ?? ''}`];
    }
}
