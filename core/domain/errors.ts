/** Where a problem is and what it is: file, row (1-based data row), field and reason. */
export interface Issue {
  file?: string;
  row?: number;
  record?: string;
  field: string;
  reason: string;
}

export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.row !== undefined ? `row ${issue.row}` : undefined, issue.record]
    .filter(Boolean)
    .join(', ');
  return `${where ? `${where}: ` : ''}${issue.field}: ${issue.reason}`;
}

export class DomainError extends Error {
  override name = 'DomainError';
}

/** Input that breaks a documented rule; carries every issue found, not just the first. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map(formatIssue).join('; '));
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}

/** A conditional write lost to a newer version. */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
}
