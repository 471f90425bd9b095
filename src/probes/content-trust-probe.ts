// DOCKER_CONTENT_TRUST (CIS 4.5) is client-side: it counts where it is set for every login, in
// /etc/environment or /etc/profile.d, and in the environment this tool runs in.
import type { TextFile } from '../facts/host-facts.js';
import { listHostDir, readHostText } from './host-fs.js';
import type { HostAccess } from './host-reader.js';

export async function probeContentTrust(root: HostAccess, env: NodeJS.ProcessEnv): Promise<{ env: string | null; files: TextFile[] }> {
  const profileD = (await listHostDir(root, '/etc/profile.d')).filter((n) => n.endsWith('.sh')).map((n) => `/etc/profile.d/${n}`);
  const reads = await Promise.all(['/etc/environment', ...profileD].map(async (p) => ({ path: p, read: await readHostText(root, p) })));
  const files: TextFile[] = [];
  for (const { path, read } of reads) {
    const lines = (read.content ?? '').split('\n').filter((l) => l.includes('DOCKER_CONTENT_TRUST'));
    if (lines.length > 0) files.push({ path, content: lines.join('\n') });
  }
  return { env: env.DOCKER_CONTENT_TRUST ?? null, files };
}
