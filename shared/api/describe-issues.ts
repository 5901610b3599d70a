// Zod-free: the one way a validation failure is put into words for an error response, by the server
// (HTTP) and the Electron bridge (IPC) alike.

/** Issue paths and messages only: the offending values may be personal data. */
export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
