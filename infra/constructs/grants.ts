/**
 * Least-privilege grants written out action by action. The CDK `grant*` helpers hand out wildcard
 * actions (`s3:GetObject*`, `s3:List*`) and every index (`index/*`); these name exactly what a
 * function calls, on exactly the table, indexes and key prefixes it touches.
 */
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { GSI1, GSI2 } from '#functions/adapters/dynamodb/table';

const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

export type TableAccess = 'read' | 'readWrite';

/** Table and both GSIs, by name: a new index must be granted on purpose. */
function tableResourceArns(table: dynamodb.ITable): string[] {
  return [table.tableArn, `${table.tableArn}/index/${GSI1.name}`, `${table.tableArn}/index/${GSI2.name}`];
}

export function grantTableAccess(grantee: iam.IGrantable, table: dynamodb.ITable, access: TableAccess): void {
  const actions =
    access === 'read' ? [...TABLE_READ_ACTIONS] : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions, resources: tableResourceArns(table) }),
  );
}

export type ObjectAccess = 'read' | 'write';

const OBJECT_ACTIONS: Record<ObjectAccess, string[]> = {
  // GetObjectVersion: the pipeline reads the exact version a notification names.
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  write: ['s3:PutObject'],
};

/**
 * Object access under one key prefix (e.g. `incoming/`), never the whole bucket. Takes the bucket ARN
 * as a string so a stack can pass an explicit import of another stack's bucket.
 */
export function grantObjectAccess(
  grantee: iam.IGrantable,
  bucketArn: string,
  prefix: string,
  access: ObjectAccess,
): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: OBJECT_ACTIONS[access],
      resources: [objectPrefixArn(bucketArn, prefix)],
    }),
  );
}

export function objectPrefixArn(bucketArn: string, prefix: string): string {
  if (!prefix.endsWith('/')) throw new Error(`object prefix must end with "/": ${prefix}`);
  return `${bucketArn}/${prefix}*`;
}

/** ListBucket limited to keys under one prefix (the `s3:prefix` condition), never the whole bucket. */
export function grantPrefixListing(grantee: iam.IGrantable, bucketArn: string, prefix: string): void {
  if (!prefix.endsWith('/')) throw new Error(`object prefix must end with "/": ${prefix}`);
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
    }),
  );
}

const KEY_ACTIONS: Record<ObjectAccess, string[]> = {
  read: ['kms:Decrypt'],
  // A PUT encrypts under a fresh data key; a multipart PUT also decrypts it to assemble the parts.
  write: ['kms:GenerateDataKey', 'kms:Decrypt'],
};

/** Use of the uploads bucket's KMS key, for the object access granted beside it. */
export function grantKeyUse(grantee: iam.IGrantable, keyArn: string, access: ObjectAccess): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: KEY_ACTIONS[access], resources: [keyArn] }),
  );
}
