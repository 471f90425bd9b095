// Contributions are what rules hand to the planner; the type lives with the rules (the lower layer).
export type { Contribution, ContributionKind } from '../rules/contribution.js';
