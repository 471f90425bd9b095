// Order of the lines the fixes insert at one place in the final stage: strip setuid bits while
// still root, create the user, switch to it, then declare the health check.
export const ORDER = { setuid: 10, user: 20, healthcheck: 30, keyword: 0 } as const;
