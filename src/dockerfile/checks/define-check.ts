// A Dockerfile check is its metadata and a pure check function. A check for a CIS item takes the
// item's id, title, level and severity from the item's rule, so they are written once; our own
// checks (DH-IMG-...) are level 1 unless they say otherwise.
import type { CheckMeta, DockerfileCheck } from '../types.js';
import { cisItemMeta } from '../../rules/item-meta.js';

type Text = Pick<CheckMeta, 'rationale' | 'remediation'>;

export function cisCheck(spec: Text & Pick<DockerfileCheck, 'check'> & { id: string }): DockerfileCheck {
  return { meta: { ...cisItemMeta(spec.id), rationale: spec.rationale, remediation: spec.remediation }, check: spec.check };
}

export interface OwnCheckSpec extends Text, Pick<DockerfileCheck, 'check'>, Pick<CheckMeta, 'id' | 'title' | 'severity'> {
  level?: 1 | 2;
}

export function ownCheck(spec: OwnCheckSpec): DockerfileCheck {
  const { id, title, severity, level = 1, rationale, remediation } = spec;
  return { meta: { id, title, severity, level, rationale, remediation }, check: spec.check };
}
