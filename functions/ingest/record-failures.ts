/**
 * The log messages of an upload message that failed and goes back to the queue. The deployed stack
 * counts them (a partial batch failure is no Lambda error) and alarms long before the dead-letter
 * queue; a module of its own, so the CDK app reads them without loading the handler.
 */
export const RECORD_FAILURE_MESSAGES = {
  retried: 'upload not finished; the message will be retried',
  unreadable: 'unreadable upload notification',
} as const;
