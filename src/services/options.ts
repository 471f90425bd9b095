// The options every service shares. Front ends fill them in (the CLI from flags and the
// environment, see cli/context.ts); services only read them and never see argv.

export interface GlobalOptions {
  /** Every host file is read (and written) under this directory. */
  root: string;
  /** True when --root was given, so it may differ from the root saved facts were taken under. */
  rootGiven?: boolean;
  /** Engine endpoint: --docker-host, else DOCKER_HOST, else the default socket under the root. */
  dockerHost: string;
  /** True when the endpoint came from --docker-host or DOCKER_HOST: the user expects an engine there. */
  dockerHostGiven?: boolean;
  /** --no-engine: the run is limited to what needs no engine, so an unreachable one is not an error. */
  noEngine?: boolean;
  /** Inspect this host over SSH (user@host[:port] or ssh://...) instead of the machine running the tool. */
  ssh?: string;
  /** Saved facts to use instead of inspecting the host. */
  from?: string;
  color: boolean;
}

/** `--recreate`: recreate standalone containers hardened; with names, only those (--rm ones too). */
export interface RecreateRequest {
  names?: string[];
}
