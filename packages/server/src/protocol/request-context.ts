/** Who asked and where: AWS takes the region from the request's SigV4 credential scope. */
export interface RequestContext {
  readonly region: string;
  readonly accountId: string;
}

/** The account every resource of the local service belongs to. */
export const ACCOUNT_ID = "123456789012";

const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/states\//;

/**
 * The region of a request: the credential scope of its `Authorization` header
 * (`Credential=AKID/20260101/eu-west-1/states/aws4_request`), else `us-east-1`. The signature
 * itself is never checked: any credentials are accepted, as with Step Functions Local.
 */
export function requestContext(authorization: string | undefined): RequestContext {
  const region = authorization === undefined ? undefined : CREDENTIAL_SCOPE.exec(authorization)?.[1];
  return { region: region ?? "us-east-1", accountId: ACCOUNT_ID };
}
