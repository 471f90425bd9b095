// Where docker-harden's systemd drop-ins live. /etc/systemd/system wins over the packaged unit
// in /lib or /usr/lib, and the name sorts after distro drop-ins that use low numbers.
export type DockerUnit = 'docker.service' | 'docker.socket';

export const DROPIN_NAME = '50-docker-harden.conf';

export function dropInPath(unit: DockerUnit): string {
  return `/etc/systemd/system/${unit}.d/${DROPIN_NAME}`;
}
