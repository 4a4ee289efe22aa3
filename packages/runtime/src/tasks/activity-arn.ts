/** `arn:aws:states:<region>:<account>:activity:<name>`: a Task on it records Activity* events. */
export const ACTIVITY_ARN = /^arn:aws[a-zA-Z-]*:states:[a-z0-9-]+:\d{12}:activity:[^:]+$/;

export function isActivityArn(resource: string): boolean {
  return ACTIVITY_ARN.test(resource);
}
