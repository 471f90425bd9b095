// Dockerfile findings and the fixes that close them. Checks are pure: they read a parsed
// Dockerfile (and its .dockerignore) and return outcomes; the service does all reading and writing.
import type { DockerfileDoc } from './model.js';
import type { TextEdit } from '../core/text-edits.js';

/** 'info' marks an accepted exception (an ADD that must stay ADD): shown, never failing. */
export type FindingSeverity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export const SEVERITY_ORDER: readonly FindingSeverity[] = ['info', 'low', 'medium', 'high', 'critical'];

export function severityAtLeast(severity: FindingSeverity, threshold: FindingSeverity): boolean {
  return SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(threshold);
}

export interface CheckMeta {
  /** The CIS Docker Benchmark v1.8.0 id where there is one ("4.1"), else our own ("DH-IMG-001"). */
  id: string;
  title: string;
  severity: FindingSeverity;
  level: 1 | 2;
  rationale: string;
  remediation: string;
}

export interface DockerfileFinding {
  id: string;
  severity: FindingSeverity;
  /** 1-based line of the instruction the finding is about. */
  line: number;
  message: string;
  fixable: boolean;
}

export interface Fix {
  edits?: TextEdit[];
  /** .dockerignore patterns to append (the file is created when absent). */
  dockerignore?: string[];
  /** What the change may break, for Plan.warnings. */
  warnings?: string[];
}

export interface CheckOutcome {
  line: number;
  message: string;
  severity?: FindingSeverity;
  fix?: Fix;
  /** What a person should do where nothing is rewritten (exact text to paste where possible). */
  advice?: string;
}

export interface FixOptions {
  /** Name for the USER that 4.1 adds; undefined means "app" or what the file or base already has. */
  user?: string;
  healthcheckCmd?: string;
  /** Also remove setuid/setgid bits (DH-IMG-005, level 2). */
  strict: boolean;
}

export interface DockerfileCheck {
  meta: CheckMeta;
  check(doc: DockerfileDoc, options: FixOptions): CheckOutcome[];
}
