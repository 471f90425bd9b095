// Compose `ports:` entries are read where the section-5 items read them (a fix rewrites them in
// the syntax they were written in); the compose placement code imports them from here.
export * from '../rules/workload/port-entries.js';
