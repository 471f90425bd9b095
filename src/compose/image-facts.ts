// What the inspected engine knows about the image a service names: its health check (read by
// service-spec.ts) and the ports it EXPOSEs. A service whose image is not on the engine yet gets no
// answer (undefined).
import type { EngineObject, HostFacts } from '../facts/host-facts.js';

/** "busybox" and "busybox:latest" name the same image; a digest reference matches RepoDigests. */
function candidates(ref: string): string[] {
  if (ref.includes('@')) return [ref];
  const lastPart = ref.split('/').pop() ?? ref;
  return lastPart.includes(':') ? [ref] : [ref, `${ref}:latest`];
}

export function findImage(facts: HostFacts, ref: string): EngineObject | undefined {
  if (!ref) return undefined;
  const names = new Set(candidates(ref));
  return (facts.engine?.images ?? []).find((img) =>
    [...((img.RepoTags ?? []) as string[]), ...((img.RepoDigests ?? []) as string[])].some((t) => names.has(t)),
  );
}

/** Container port numbers of "80/tcp"-style keys (image or container Config.ExposedPorts). */
export function exposedPortNumbers(exposed: Record<string, unknown> | undefined | null): number[] {
  return Object.keys(exposed ?? {})
    .map((k) => Number.parseInt(k, 10))
    .filter((n) => Number.isFinite(n));
}

export function imageExposedPorts(facts: HostFacts, ref: string): number[] {
  return exposedPortNumbers(findImage(facts, ref)?.Config?.ExposedPorts);
}
