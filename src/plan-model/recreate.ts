// A standalone container the plan recreates, hardened: `docker update` cannot change capabilities,
// the root filesystem, ports or networks, so the fix is a new container made from the old one's
// inspect data. The plan carries what to create; apply renames, stops, creates, gates and reverts.

/** One standalone container to recreate, hardened. Plan data: apply carries it out, the plan shows it. */
export interface RecreateStep {
  /** 'recreate:<name>' */
  id: string;
  /** The container as the facts saw it; `image` is the image id (sha256:…), so a moved tag changes nothing. */
  container: { id: string; name: string; running: boolean; image: string };
  /** The Engine API body of POST /containers/create?name=<name> for the new container (same API version as the facts). */
  create: Record<string, unknown>;
  /** Networks to connect after create beyond the one in create.HostConfig.NetworkMode, with aliases and static IPs (EndpointsConfig entries). */
  networks: Record<string, unknown>;
  /**
   * User-defined bridge networks the new container joins that may not exist yet (`<name>-net`, when
   * it leaves the host network or docker0): apply creates each one that is missing before create,
   * and rollback leaves them (other containers may have joined them since).
   */
  createNetworks?: string[];
  /** How long the new container must keep running (and become healthy, if it has a healthcheck): profile parameter recreateGateSeconds. */
  gateSeconds: number;
  /** CIS ids this recreate closes. */
  closes: string[];
  /** The `docker run` argv of the old and of the new container, for the dry-run diff. */
  runDiff: { before: string[]; after: string[] };
}

/** The default of the profile parameter recreateGateSeconds. */
export const DEFAULT_RECREATE_GATE_SECONDS = 10;
