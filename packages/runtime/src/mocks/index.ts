// Task mocks: per state or resource (TestState style), and Step Functions Local's MockConfigFile.
export { createMockResolver } from "./mock-resolver.ts";
export type { MockResolver, MockResolverOptions } from "./mock-resolver.ts";
export { InvalidMockError } from "./plan.ts";
export { loadMockConfig, mockResolverFor, MockConfigError } from "./mock-config.ts";
export type { MockConfig, MockConfigIssue, MockedResponseStep } from "./mock-config.ts";
export type { Mock, MockError, MockResponse, MockResult, MockSet, MockTaskResult } from "./types.ts";
