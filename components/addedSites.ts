/** The parts of a manifest that name the sites Ratsmarker has without being asked. */
export interface ManifestSites {
  host_permissions?: string[];
  permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}

/** Every site pattern the manifest itself grants: the built-in council hosts and their pages. */
export function builtInPatterns(manifest: ManifestSites): Set<string> {
  return new Set([
    ...(manifest.host_permissions ?? []),
    // Firefox's Manifest V2 names host permissions among the permissions.
    ...(manifest.permissions ?? []).filter((p) => p.includes('://')),
    ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []),
  ]);
}

/**
 * The sites the reader added (granted through the optional host permissions):
 * every granted origin the manifest does not grant by itself. The built-in
 * hosts are not "added" and cannot be removed. `notSites`: granted for
 * something else than council pages (the faction's server, issue 17).
 */
export function addedSites(
  granted: readonly string[],
  manifest: ManifestSites,
  notSites: readonly string[] = [],
): string[] {
  const builtIn = builtInPatterns(manifest);
  return granted.filter((o) => !builtIn.has(o) && !notSites.includes(o));
}
