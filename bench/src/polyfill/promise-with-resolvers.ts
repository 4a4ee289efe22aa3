// aws-local-stepfunctions 3.0.0 calls Promise.withResolvers (ES2024), which Node 20 lacks.
// Installed here, in the benchmark only, so the library code under test stays untouched;
// the peer's adapter imports this module before it imports the peer.

interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

type WithResolvers = <T>() => Resolvers<T>;

/**
 * Spec-equivalent Promise.withResolvers (ES2024 §27.2.4.8): uses `this` as the constructor
 * (NewPromiseCapability), so subclasses get instances of themselves, and throws a TypeError
 * when `this` is not a constructor.
 */
function withResolvers<T>(this: unknown): Resolvers<T> {
  if (typeof this !== "function") throw new TypeError("Promise.withResolvers called on a non-constructor");
  const C = this as PromiseConstructor;
  let resolve: Resolvers<T>["resolve"] | undefined;
  let reject: Resolvers<T>["reject"] | undefined;
  const promise = new C<T>((res, rej) => {
    if (resolve !== undefined || reject !== undefined) throw new TypeError("Promise executor already called");
    resolve = res;
    reject = rej;
  });
  if (typeof resolve !== "function" || typeof reject !== "function") {
    throw new TypeError("Promise resolve or reject function is not callable");
  }
  return { promise, resolve, reject };
}

/** True when this module had to install the polyfill (the runtime lacked it). */
export const installedWithResolvers: boolean = installIfMissing();

function installIfMissing(): boolean {
  const P = Promise as PromiseConstructor & { withResolvers?: WithResolvers };
  if (typeof P.withResolvers === "function") return false;
  // Same property attributes as the built-in methods: writable, configurable, not enumerable.
  Object.defineProperty(Promise, "withResolvers", {
    value: withResolvers,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  return true;
}
