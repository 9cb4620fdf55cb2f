// Shows long output through $PAGER (default `less -FRX`) on a terminal; falls back to writing
// directly when the pager cannot start. The process spawner is injected.
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export type Spawner = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

export interface PagerDeps {
  env: Record<string, string | undefined>;
  spawn: Spawner;
  /** Terminal rows; output shorter than this is written directly. */
  rows: number;
  write: (text: string) => void;
}

export function pagerCommand(env: Record<string, string | undefined>): { cmd: string; args: string[]; env: Record<string, string> } | undefined {
  const raw = (env.ZSTACK_PAGER ?? env.PAGER ?? 'less -FRX').trim();
  if (raw === '' || raw === 'cat') return undefined;
  const [cmd, ...args] = raw.split(/\s+/);
  // less shows colors only with -R; make it the default when LESS is not set.
  const extra: Record<string, string> = env.LESS === undefined ? { LESS: 'FRX' } : {};
  return { cmd: cmd!, args, env: extra };
}

/** Writes `text`, through the pager when it is longer than the screen. Resolves when done. */
export async function page(text: string, deps: PagerDeps): Promise<void> {
  const lines = text.split('\n').length;
  const pc = pagerCommand(deps.env);
  if (!pc || lines < deps.rows) {
    deps.write(text);
    return;
  }
  await new Promise<void>((resolve) => {
    let child: ChildProcess;
    try {
      child = deps.spawn(pc.cmd, pc.args, { stdio: ['pipe', 'inherit', 'inherit'], env: { ...deps.env, ...pc.env } as NodeJS.ProcessEnv });
    } catch {
      deps.write(text);
      resolve();
      return;
    }
    let settled = false;
    const done = (fallback: boolean): void => {
      if (settled) return;
      settled = true;
      if (fallback) deps.write(text);
      resolve();
    };
    child.once('error', () => done(true));
    child.once('close', () => done(false));
    child.stdin?.on('error', () => undefined); // the user quit the pager early: EPIPE is fine
    child.stdin?.end(text);
  });
}
