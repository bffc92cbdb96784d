/**
 * Storage of complaint cases (functions/adapters/dynamodb/cases.ts). A case lives with its youth, so
 * the youth's export and erasure include it; it is found by id and listed per district.
 */
import type { ComplaintCase } from './cases.ts';

export interface CaseRepository {
  /** The case as last saved (a strongly consistent read), or undefined. */
  get(caseId: string): Promise<ComplaintCase | undefined>;
  /** Stores the case if the stored version is `version - 1` (absent for 1); ConflictError otherwise. */
  save(complaint: ComplaintCase): Promise<void>;
  /** Every case of youth of the district, oldest first. */
  listByDistrict(district: string): Promise<ComplaintCase[]>;
  listByYouth(youthId: string): Promise<ComplaintCase[]>;
  /** Adds one case against the employer and returns how many there are now (an aggregate, no youth). */
  countAgainstEmployer(employerId: string): Promise<number>;
}
