/**
 * Where an association's verification documents live: public, outside the versioned JSON API, so
 * addresses signed into credentials keep working across API versions.
 */
export class IssuerIdentity {
  constructor(private readonly publicBaseUrl: string) {}

  /** Served as `{base}/verify/issuers/{code}/did.json`, which is where did:web resolves this DID. */
  did(associationCode: string): string {
    const url = new URL(this.publicBaseUrl);
    // did:web percent-encodes the port's colon and writes path segments with colons.
    const segments = [...url.pathname.split('/').filter(Boolean), 'verify', 'issuers', associationCode];
    return ['did:web', url.host.replace(':', '%3A'), ...segments.map(encodeURIComponent)].join(':');
  }

  /** The association as an issuer; its did.json and jwks.json are beneath it. */
  issuerUrl(associationCode: string): string {
    return `${this.publicBaseUrl}/verify/issuers/${encodeURIComponent(associationCode)}`;
  }

  jwksUrl(associationCode: string): string {
    return `${this.issuerUrl(associationCode)}/jwks.json`;
  }

  statusListUrl(associationCode: string): string {
    return `${this.publicBaseUrl}/verify/status/${encodeURIComponent(associationCode)}`;
  }

  /** The public check of one endorsement (an HTML page). */
  verifyUrl(endorsementNumber: string): string {
    return `${this.publicBaseUrl}/verify/${encodeURIComponent(endorsementNumber)}`;
  }
}
