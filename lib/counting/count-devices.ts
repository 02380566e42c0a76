/**
 * Counts devices per policy, per account and per OS type by the product's counting rules.
 *
 * The work is linear in the number of records plus the number of policies, because each device
 * is added to its own policy only and the rolled-up totals are then summed from the leaves up.
 */
import type { DeviceRecord, Policy } from '../addigy/types';
import { mergeDuplicateSerials } from './duplicates';
import { addDeviceToCounts, addOsCounts, copyOsCounts, emptyOsCounts } from './os-counts';
import { osTypeOf } from './os-type';
import { buildPolicyTree, resolveAccountPolicies, type PolicyTree } from './policy-tree';
import { isStale, validateStaleOptions } from './stale';
import type { CountOptions, CountResult, CountWarning, OsCounts, PolicyCounts } from './types';

/** Device counts before the roll-up: per policy, and of devices in no known policy. */
interface DirectCounts {
  byPolicy: Map<string, OsCounts>;
  unassigned: OsCounts;
  all: OsCounts;
  /** Devices per unknown policy id, in order of first appearance. */
  unknownPolicies: Map<string, number>;
}

/**
 * Counts devices by the counting rules. A device counts only in its location policy
 * (`policyId`) and in that policy's ancestors. Records with the same serial number count as one
 * device. A device whose policy id is missing, blank or unknown counts as unassigned.
 *
 * Throws an Error when the account level names a policy that is not in `policies`, and a
 * RangeError when `options.staleAfterDays` or `options.now` is not a usable number.
 */
export function countDevices(
  policies: readonly Policy[],
  records: readonly DeviceRecord[],
  options: CountOptions,
): CountResult {
  validateStaleOptions(options);
  const tree = buildPolicyTree(policies);
  const accountIds = resolveAccountPolicies(tree, options.accountLevel);
  const merged = mergeDuplicateSerials(records);
  const direct = countDirect(tree, merged.devices, options);
  const rolledUp = rollUp(tree, direct.byPolicy);

  return {
    policies: buildPolicyCounts(tree, direct.byPolicy, rolledUp),
    accountIds,
    unassigned: direct.unassigned,
    notInAccount: countOutsideAccounts(tree, accountIds, direct.byPolicy),
    all: direct.all,
    recordsReceived: records.length,
    warnings: [
      ...tree.warnings,
      ...merged.warnings,
      ...unknownPolicyWarnings(direct.unknownPolicies),
    ],
  };
}

function countDirect(
  tree: PolicyTree,
  devices: readonly DeviceRecord[],
  options: CountOptions,
): DirectCounts {
  const byPolicy = new Map([...tree.policies.keys()].map((id) => [id, emptyOsCounts()]));
  const unassigned = emptyOsCounts();
  const all = emptyOsCounts();
  const unknownPolicies = new Map<string, number>();

  for (const device of devices) {
    const osType = osTypeOf(device);
    const stale = isStale(device.lastOnline, options);
    addDeviceToCounts(all, osType, stale);

    const policyId = device.policyId?.trim() ? device.policyId : null;
    const policyCounts = policyId === null ? undefined : byPolicy.get(policyId);
    if (policyCounts !== undefined) {
      addDeviceToCounts(policyCounts, osType, stale);
      continue;
    }
    addDeviceToCounts(unassigned, osType, stale);
    if (policyId !== null) unknownPolicies.set(policyId, (unknownPolicies.get(policyId) ?? 0) + 1);
  }
  return { byPolicy, unassigned, all, unknownPolicies };
}

/** Sums each policy's direct counts into itself and all its ancestors, leaves first. */
function rollUp(tree: PolicyTree, direct: ReadonlyMap<string, OsCounts>): Map<string, OsCounts> {
  const rolledUp = new Map<string, OsCounts>();
  for (const [id, counts] of direct) rolledUp.set(id, copyOsCounts(counts));

  const bottomUp = tree.topDownOrder().reverse();
  for (const id of bottomUp) {
    const parentId = tree.parentOf(id);
    if (parentId !== null) addOsCounts(rolledUp.get(parentId)!, rolledUp.get(id)!);
  }
  return rolledUp;
}

/** Sums the direct counts of known policies that are neither an account nor under one. */
function countOutsideAccounts(
  tree: PolicyTree,
  accountIds: readonly string[],
  direct: ReadonlyMap<string, OsCounts>,
): OsCounts {
  const accounts = new Set(accountIds);
  const inAccount = new Set<string>();
  const outside = emptyOsCounts();

  // Parents come first, so a parent's membership is known when its children are visited.
  for (const id of tree.topDownOrder()) {
    const parentId = tree.parentOf(id);
    if (accounts.has(id) || (parentId !== null && inAccount.has(parentId))) inAccount.add(id);
    else addOsCounts(outside, direct.get(id)!);
  }
  return outside;
}

function buildPolicyCounts(
  tree: PolicyTree,
  direct: ReadonlyMap<string, OsCounts>,
  rolledUp: ReadonlyMap<string, OsCounts>,
): Record<string, PolicyCounts> {
  // Object.fromEntries defines own properties, so even a policy id "__proto__" stays a key.
  return Object.fromEntries(
    [...tree.policies.values()].map((policy): [string, PolicyCounts] => [
      policy.id,
      {
        policyId: policy.id,
        name: policy.name,
        parentId: tree.parentOf(policy.id),
        direct: direct.get(policy.id)!,
        rolledUp: rolledUp.get(policy.id)!,
      },
    ]),
  );
}

function unknownPolicyWarnings(unknownPolicies: ReadonlyMap<string, number>): CountWarning[] {
  return [...unknownPolicies].map(([policyId, devices]) => ({
    kind: 'unknownPolicy',
    policyId,
    devices,
  }));
}
