import type { ContentError } from '../errors.ts';

/**
 * What one validation run found. Every check adds to it instead of stopping, so a contributor
 * gets every problem of a build in one report.
 */
export class Report {
  readonly errors: ContentError[] = [];
  /** Problems that do not stop the build but that someone should fix (GPS in a source photo). */
  readonly warnings: ContentError[] = [];

  fail(file: string, field: string | null, message: string, line?: number): void {
    this.errors.push(problem(file, field, message, line));
  }

  warn(file: string, field: string | null, message: string, line?: number): void {
    this.warnings.push(problem(file, field, message, line));
  }
}

const problem = (file: string, field: string | null, message: string, line?: number): ContentError => ({ file, field, message, ...(line ? { line } : {}) });
