// A host root with everything the strict profile fixes that a directory can hold: a daemon.json
// with insecure settings, world-writable Docker directories and files, packaged units with a
// world-writable socket, registry certificates, and the binaries the audit watches name.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const INSECURE_DAEMON_JSON = '{"log-level": "debug", "insecure-registries": ["10.9.8.7:5000"], "experimental": true}\n';

const SOCKET_UNIT =
  '[Unit]\nDescription=Docker Socket for the API\n\n[Socket]\nListenStream=/run/docker.sock\nSocketMode=0666\nSocketUser=root\nSocketGroup=docker\n\n[Install]\nWantedBy=sockets.target\n';

/** `execStart` is the dockerd command line of the unit (the engine the root belongs to). */
export function makeInsecureRoot(root: string, execStart: string): void {
  const put = (p: string, content: string | null, mode: number) => {
    const abs = path.join(root, p);
    mkdirSync(path.dirname(abs), { recursive: true });
    if (content === null) mkdirSync(abs, { recursive: true });
    else writeFileSync(abs, content);
    chmodSync(abs, mode); // after writing: the umask would narrow a mode given to writeFileSync
  };
  put('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n', 0o644);
  put('etc/group', 'root:x:0:\ndaemon:x:1:\ndocker:x:999:\n', 0o644);
  put('etc/hostname', 'e2e-host\n', 0o644);
  put('etc/docker', null, 0o777);
  put('etc/docker/daemon.json', INSECURE_DAEMON_JSON, 0o666);
  put('etc/docker/certs.d', null, 0o777);
  put('etc/docker/certs.d/10.9.8.7:5000', null, 0o777);
  put('etc/docker/certs.d/10.9.8.7:5000/ca.crt', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', 0o666);
  put('etc/default/docker', '# Docker Upstart and SysVinit configuration file\n#DOCKER_OPTS="--dns 8.8.8.8"\n', 0o666);
  put(
    'lib/systemd/system/docker.service',
    `[Unit]\nDescription=Docker Application Container Engine\nRequires=docker.socket\n\n[Service]\nType=notify\nEnvironmentFile=-/etc/default/docker\nExecStart=${execStart} $DOCKER_OPTS\nExecReload=/bin/kill -s HUP $MAINPID\n\n[Install]\nWantedBy=multi-user.target\n`,
    0o666,
  );
  put('lib/systemd/system/docker.socket', SOCKET_UNIT, 0o666);
  for (const bin of ['usr/sbin/dockerd', 'usr/bin/containerd', 'usr/bin/containerd-shim-runc-v2', 'usr/sbin/runc']) put(bin, '', 0o755);
  put('etc/containerd/config.toml', 'version = 2\n', 0o644);
  put('etc/audit/rules.d', null, 0o750);
  put('etc/audit/rules.d/audit.rules', '## First rule - delete all\n-D\n\n-b 8192\n-f 1\n', 0o640);
  put('etc/profile.d', null, 0o755);
  put('var/lib', null, 0o755);
  put('run', null, 0o755);
  symlinkSync('../run', path.join(root, 'var/run'));
}

/** strict, with what this sandbox needs: open files capped at 20000 here, and no dockremap user. */
export const SITE_PROFILE = `name: e2e-site
extends: strict
params:
  defaultUlimits:
    nofile: { soft: 4096, hard: 16384 }
    nproc: { soft: 4096, hard: 8192 }
waivers:
  - id: "2.10"
    reason: userns-remap "default" makes dockerd add the dockremap user to this test machine's /etc/passwd
`;
