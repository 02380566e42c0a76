/** Types shared by the counting rules, the snapshot store and every screen that shows counts. */

export const OS_TYPES = ['macOS', 'iOS', 'iPadOS', 'tvOS', 'watchOS', 'visionOS', 'other'] as const;
export type OsType = (typeof OS_TYPES)[number];

/** Device counts of one group: the total, the split by OS type, and how many are stale. */
export interface OsCounts {
  total: number;
  byOs: Record<OsType, number>;
  /** Devices not seen for longer than the stale threshold; they are in `total` too. */
  stale: number;
}

/** Which policies are clients: the root policies, or the children of one chosen policy. */
export type AccountLevel = { kind: 'roots' } | { kind: 'children'; parentId: string };

export interface PolicyCounts {
  policyId: string;
  name: string;
  /** The parent after cycles and dangling links were cut; null for a root. */
  parentId: string | null;
  /** Devices whose location policy is this one. */
  direct: OsCounts;
  /** Devices of this policy and of all its descendants. */
  rolledUp: OsCounts;
}

export type CountWarning =
  | { kind: 'cycle'; policyId: string; policyName: string }
  | { kind: 'danglingParent'; policyId: string; policyName: string; parentId: string }
  | { kind: 'duplicateSerial'; serialNumber: string; records: number }
  | { kind: 'unknownPolicy'; policyId: string; devices: number };

export interface CountResult {
  /** Every policy by id, with direct and rolled-up counts. */
  policies: Record<string, PolicyCounts>;
  /** The ids of the account (client) policies at the chosen account level, sorted by name. */
  accountIds: string[];
  /** Devices whose policy_id is missing, empty or unknown. */
  unassigned: OsCounts;
  /** Devices in a known policy outside every account policy. */
  notInAccount: OsCounts;
  /** Every device counted once, after duplicates were merged. */
  all: OsCounts;
  /** Device records received before duplicates were merged. */
  recordsReceived: number;
  warnings: CountWarning[];
}

export interface CountOptions {
  accountLevel: AccountLevel;
  /** Days without check-in after which a device is stale. */
  staleAfterDays: number;
  /** The moment "now" for the stale rule, in milliseconds since the epoch. */
  now: number;
}
