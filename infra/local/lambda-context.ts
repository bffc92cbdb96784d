/** The Lambda context the local stack passes its handlers, as the runtime would. */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { LOCAL_REGION } from './emulators.ts';

export interface LocalInvocation {
  functionName: string;
  /** The function's configured timeout: `getRemainingTimeInMillis` counts down from it. */
  timeoutMs: number;
  memoryMb: number;
  awsRequestId?: string;
  now?: () => number;
}

/** For the logger's function keys and the remaining time (middy stops a handler that runs out). */
export function lambdaContext(invocation: LocalInvocation): Context {
  const { functionName } = invocation;
  const now = invocation.now ?? Date.now;
  const deadline = now() + invocation.timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(invocation.memoryMb),
    awsRequestId: invocation.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
