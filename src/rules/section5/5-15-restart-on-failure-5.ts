// 5.15: "always" and "unless-stopped" restart a crashing (or deliberately crashed) container
// forever; on-failure with a small retry count stops a restart loop from starving the host.
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

const MAX_RETRIES = 5;

export const restartPolicy: WorkloadItem = {
  id: '5.15',
  fixes: ['fail'],
  judge: (w) => {
    const { name, retries } = w.restart;
    const detail = `HostConfig.RestartPolicy: ${JSON.stringify({ Name: name, MaximumRetryCount: retries })}`;
    if (name === '' || name === 'no') return verdict('pass', `${w.who} is not restarted automatically.`, detail);
    if (name === 'on-failure') {
      return retries >= 1 && retries <= MAX_RETRIES
        ? verdict('pass', `${w.who} restarts on failure at most ${retries} times.`, detail)
        : verdict('fail', `${w.who} restarts on failure ${retries === 0 ? 'without a retry limit' : `up to ${retries} times`}.`, detail);
    }
    return verdict('fail', `${w.who} uses the "${name}" restart policy, which restarts it without limit.`, detail);
  },
  fix: (w, params) => {
    const policy = `on-failure:${params.restartMaxRetries}`;
    // Two wordings of the same effect, each pinned by its plan goldens.
    const impact =
      w.kind === 'container'
        ? `${w.who} is no longer started when the daemon starts, and stays down after ${params.restartMaxRetries} failed restarts.`
        : `${w.who} stays down after ${params.restartMaxRetries} failed restarts and is no longer started with the daemon.`;
    return { compose: [{ key: 'restart', value: policy }], update: [{ flag: '--restart', value: policy }], impact };
  },
};

export const restartOnFailure5 = workloadRule(restartPolicy, {
  title: "Ensure that the 'on-failure' container restart policy is set to '5'",
  severity: 'low',
  rationale:
    'An unlimited restart policy keeps restarting a container that crashes on start, burning CPU and filling logs, and hides the failure; capping retries makes it stop and show up as exited.',
  impact: 'A container that fails more than the retry count stays down until someone starts it; containers meant to survive a daemon restart lose "always".',
  remediation:
    'Use `--restart on-failure:5` (`docker update --restart on-failure:5 <container>` works live; Compose `restart: "on-failure:5"`). "no" passes too; on-failure with 1 to 5 retries passes; always, unless-stopped and on-failure without a limit or above 5 fail.',
  references: ['CIS Docker Benchmark v1.8.0, 5.15', 'https://docs.docker.com/engine/containers/start-containers-automatically/'],
});
