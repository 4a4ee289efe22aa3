/**
 * What stepcraft hands a task (and takes from a caller) as an abort signal: the part of
 * AbortSignal it uses. Declared here so that the published types need neither the DOM lib nor
 * @types/node in a user's project; a real AbortSignal fits it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { readonly once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
  throwIfAborted(): void;
}
