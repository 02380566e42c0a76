/**
 * The Addigy data the product keeps after parsing either API version. Both clients reduce a
 * device to these facts, so counting never sees V1's human-readable keys or V2's fact objects.
 */

/** A policy as both API versions describe it: `parent` is the parent's policyId, or null. */
export interface Policy {
  id: string;
  name: string;
  parentId: string | null;
}

/** The facts of one device record that the counting rules read. */
export interface DeviceRecord {
  agentId: string;
  serialNumber: string | null;
  /** The location policy (`policy_id`); Flex policies (`policy_ids`) are never kept. */
  policyId: string | null;
  /** Model identifier such as "MacBookAir9,1" (`product_name`). */
  productName: string | null;
  hardwareModel: string | null;
  /** Marketing name such as "MacBook Air" (`device_model_name`). */
  deviceModelName: string | null;
  /** Such as "macOS 12.0.1 (21A559)" or "iOS 15.1" (`system_version`). */
  systemVersion: string | null;
  /** Milliseconds since the epoch, or null when the device never checked in. */
  lastOnline: number | null;
  deviceName: string | null;
}
