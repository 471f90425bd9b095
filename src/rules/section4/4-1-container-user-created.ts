// 4.1: an image should name a non-root USER. Containers inherit it unless they override it, so a
// root image whose every container runs as another user only warns, and a container that
// overrides a non-root image back to root fails.
import { listText, verdict, type Verdict } from '../section5/support.js';
import { adviseEachImage, imageItem, type ImageView, usedByText } from './support.js';

/** USER values that mean uid 0: empty (the default), "root", "0", with or without a group. */
export function isRootUser(user: unknown): boolean {
  const name = String(user ?? '')
    .split(':')[0]
    .trim();
  return name === '' || name === 'root' || name === '0';
}

function judge(img: ImageView): Verdict {
  const user = String(img.config.User ?? '');
  const detail = `Config.User: ${JSON.stringify(user)} (${usedByText(img)})`;
  const asRoot = img.usedBy.filter((c) => isRootUser(c.config.User));
  const runs = asRoot.map((c) => `container ${c.name} runs as Config.User ${JSON.stringify(c.config.User ?? '')}`);
  if (isRootUser(user)) {
    if (img.usedBy.length > 0 && asRoot.length === 0) {
      const others = img.usedBy.map((c) => `container ${c.name} overrides with Config.User ${JSON.stringify(c.config.User)}`);
      return verdict('warn', `Image ${img.ref} defaults to root, but every container using it runs as another user.`, detail, ...others);
    }
    return verdict('fail', `Image ${img.ref} runs as root because it sets no non-root USER.`, detail, ...runs);
  }
  if (asRoot.length > 0) {
    return verdict('fail', `Image ${img.ref} sets USER ${user}, but ${listText(asRoot.map((c) => c.name))} override it to root.`, detail, ...runs);
  }
  return verdict('pass', `Image ${img.ref} runs as the non-root user ${user}.`, detail);
}

export const containerUserCreated = imageItem({
  id: '4.1',
  title: 'Ensure that a user for the container has been created',
  severity: 'high',
  rationale:
    'A process running as root inside a container is root on the host as soon as it escapes (unless user namespaces remap it), and it can change everything in its own filesystem.',
  impact: 'An image switched to a non-root user can no longer bind ports below 1024, write root-owned paths or install packages at run time.',
  remediation:
    'Create a user in the Dockerfile and switch to it (`RUN useradd -r -u 10001 app` then `USER 10001`), or run the container with `--user 10001:10001` (Compose `user: "10001:10001"`). Images without USER fail; a root image whose every container overrides the user warns.',
  references: ['CIS Docker Benchmark v1.8.0, 4.1', 'https://docs.docker.com/reference/dockerfile/#user'],
  judge,
  fix: adviseEachImage({
    text: (image) => `Image ${image}: add a non-root USER to its Dockerfile and rebuild, or run its containers with --user (Compose \`user:\`).`,
    impact: 'The service can no longer write root-owned paths or bind ports below 1024.',
  }),
});
