// Contributions as the renderers receive them: tagged with the rule they close.
import type { Contribution, ContributionKind } from '../plan/contribution.js';

export type Tagged<K extends ContributionKind = ContributionKind> = Extract<Contribution, { kind: K }> & { ruleId: string };

export function ofKind<K extends ContributionKind>(list: readonly Tagged[], ...kinds: K[]): Tagged<K>[] {
  return list.filter((c): c is Tagged<K> => (kinds as string[]).includes(c.kind));
}
