/**
 * The capability slices: each registers its job tasks here, and its API routes in api/v1.
 * Kept in one place so that a reader sees every capability the platform has.
 */
let registered = false;

export function registerCapabilities(): void {
  if (registered) return;
  registered = true;
}
