// Chromium's network errors in words an agent can read out to their IT department. The error names
// (net::ERR_…) are kept at the end: they are what IT searches for.

const explanations: [RegExp, (origin: string) => string][] = [
  [/ERR_CERT_AUTHORITY_INVALID/, (o) => `The certificate of ${o} is not issued by an authority this PC trusts. IT: install the centre's CA in the PC's certificate store, or add it to extraCaCertificates in the managed configuration.`],
  [/ERR_CERT_DATE_INVALID/, (o) => `The certificate of ${o} has expired or is not valid yet (or this PC's clock is wrong). IT: renew the server certificate or check the clock.`],
  [/ERR_CERT_COMMON_NAME_INVALID/, (o) => `The certificate of ${o} is for another server name. IT: the certificate must name the address in supportApiUrl.`],
  [/ERR_CERT_REVOKED/, (o) => `The certificate of ${o} has been revoked. IT: issue a new server certificate.`],
  [/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL/, (o) => `The secure connection to ${o} failed (certificate or TLS problem). IT: check the server certificate and TLS settings.`],
  [/ERR_PROXY_AUTH|ERR_PROXY_CERTIFICATE/, (o) => `The proxy server refused the connection to ${o} (proxy sign-in or certificate). IT: allow this PC through the proxy.`],
  [/ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED|ERR_MANDATORY_PROXY/, (o) => `The proxy server could not be reached or would not connect to ${o}. IT: check the PC's proxy settings and that the proxy allows this address.`],
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/, (o) => `The name in ${o} could not be found (DNS). IT: check supportApiUrl and the PC's DNS.`],
  [/ERR_CONNECTION_REFUSED/, (o) => `${o} refused the connection: the Support API may be stopped. IT: check that it runs and listens on that port.`],
  [/ERR_CONNECTION_TIMED_OUT|ERR_TIMED_OUT|ERR_ADDRESS_UNREACHABLE|ERR_NETWORK_ACCESS_DENIED/, (o) => `${o} could not be reached from this PC (firewall or network). IT: check that the PC may connect to it.`],
  [/ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED/, () => 'This PC has no network connection.'],
];

/** A sentence for the connection banner, or undefined for an error that is not a known network one. */
export function explainNetworkError(error: unknown, origin: string): string | undefined {
  const text = error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}` : String(error);
  const code = /net::(ERR_[A-Z_]+)/.exec(text)?.[1];
  if (!code) return undefined;
  const found = explanations.find(([pattern]) => pattern.test(code));
  return `${found ? found[1](origin) : `${origin} could not be reached.`} (${code})`;
}
