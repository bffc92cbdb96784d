/**
 * cdk-nag 3 acknowledgements that name one finding exactly. IAM5 findings are keyed by the resource
 * as it appears in the template (`<Logical.Arn>:*`, `<export name>/incoming/*`); computing that key
 * from the same token the policy uses keeps an acknowledgement from silently covering anything else.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

function wildcardResourceFindingId(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: wildcardResourceFindingId(scope, resource), reason });
}
