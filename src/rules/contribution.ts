// Typed pieces of a fix that rules hand to the artifact renderers. Rules never render files.

interface Base {
  /** The rule this contribution comes from; set by the planner. */
  ruleId?: string;
  /** What it may break; shown in the plan as an impact warning. */
  impact?: string;
  /** Advice about a daemon.json key that a dockerd flag also sets; moot once the plan rewrites ExecStart. */
  flagConflict?: boolean;
}

export type Contribution =
  | (Base & { kind: 'daemon-json-set'; key: string; value: unknown })
  | (Base & { kind: 'daemon-json-remove'; key: string; reason: string })
  | (Base & { kind: 'audit-watch'; path: string /** full rule text when not a plain -w watch */; rule?: string })
  | (Base & { kind: 'systemd-dropin'; unit: 'docker.service' | 'docker.socket'; section: string; key: string; value: string })
  | (Base & { kind: 'file-permission'; path: string; mode?: number; owner?: string; group?: string })
  | (Base & { kind: 'compose-service'; project: string; service: string; key: string; value: unknown })
  | (Base & { kind: 'docker-update'; container: string; flag: string; value: string })
  | (Base & { kind: 'recreate-advice'; container: string; flags: string[] })
  | (Base & { kind: 'env-file'; path: string; name: string; value: string })
  /** dockerd's -H values edited where they are written (ExecStart or its environment file), and flags added. */
  | (Base & { kind: 'dockerd-hosts'; drop: string[]; replace: Record<string, string>; addArgs: string[] })
  /** A CA, a server and a client certificate made on the host (keys never leave it) under `dir`. */
  | (Base & { kind: 'tls-certificates'; dir: string; commonName: string; dnsNames: string[]; ips: string[]; listen: string })
  | (Base & { kind: 'manual'; text: string });

export type ContributionKind = Contribution['kind'];

/** A contribution as the renderers receive it: tagged with the rule it closes. */
export type Tagged<K extends ContributionKind = ContributionKind> = Extract<Contribution, { kind: K }> & { ruleId: string };

export function ofKind<K extends ContributionKind>(list: readonly Tagged[], ...kinds: K[]): Tagged<K>[] {
  return list.filter((c): c is Tagged<K> => (kinds as string[]).includes(c.kind));
}
