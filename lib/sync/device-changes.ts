/**
 * Which devices each account policy held at the last sync, so the next sync can say which were
 * added and removed. Only the latest membership is kept (key `latest`).
 */

export interface DeviceMembership {
  snapshotId: number;
  /** Device key (serial number or agent id) -> account policy id. */
  accounts: Record<string, string>;
}
