/**
 * The policy hierarchy with every parent link checked. A link that forms a cycle or names an
 * unknown policy is cut with a warning, and the policy becomes a root. After that every policy
 * lies under exactly one root, so walking up from any policy ends.
 */
import type { Policy } from '../addigy/types';
import type { AccountLevel, CountWarning } from './types';

/** The checked policy hierarchy. Build it with {@link buildPolicyTree}. */
export class PolicyTree {
  private readonly ancestorCache = new Map<string, readonly string[]>();

  constructor(
    /** Known policies by id, in input order. */
    readonly policies: ReadonlyMap<string, Policy>,
    private readonly parentIds: ReadonlyMap<string, string | null>,
    private readonly childIds: ReadonlyMap<string, readonly string[]>,
    /** Root policy ids, in input order. */
    readonly roots: readonly string[],
    /** One warning per cut parent link. */
    readonly warnings: readonly CountWarning[],
  ) {}

  /** Returns the parent id after cut links were removed, or null for a root or an unknown id. */
  parentOf(policyId: string): string | null {
    return this.parentIds.get(policyId) ?? null;
  }

  /** Returns the child ids in input order, or none for a leaf or an unknown id. */
  childrenOf(policyId: string): readonly string[] {
    return this.childIds.get(policyId) ?? [];
  }

  /**
   * Returns the ancestor ids, nearest first, or none for a root or an unknown id. Results are
   * cached, and a lookup walks up only to the nearest policy already looked up. Looking up every
   * policy therefore costs the sum of their depths in time and memory.
   */
  ancestorsOf(policyId: string): readonly string[] {
    if (!this.policies.has(policyId)) return [];
    const uncached: string[] = [];
    let current: string | null = policyId;
    while (current !== null && !this.ancestorCache.has(current)) {
      uncached.push(current);
      current = this.parentOf(current);
    }
    let ancestors = current === null ? [] : [current, ...this.ancestorCache.get(current)!];
    for (let i = uncached.length - 1; i >= 0; i--) {
      const id = uncached[i]!;
      this.ancestorCache.set(id, ancestors);
      ancestors = [id, ...ancestors];
    }
    return this.ancestorCache.get(policyId) ?? [];
  }

  /** Returns every policy id, each parent before its children, breadth-first from the roots. */
  topDownOrder(): string[] {
    const order = [...this.roots];
    for (let i = 0; i < order.length; i++) {
      for (const childId of this.childrenOf(order[i]!)) order.push(childId);
    }
    return order;
  }
}

/**
 * Builds the policy tree. An empty or blank parent id means a root. A parent id that names no
 * policy in `policies` is cut with a `danglingParent` warning. In a cycle, the member listed first
 * in `policies` becomes a root with a `cycle` warning, so a self-parent policy becomes a root too.
 */
export function buildPolicyTree(policies: readonly Policy[]): PolicyTree {
  const byId = new Map<string, Policy>();
  for (const policy of policies) {
    // NOTE: a repeated policy id keeps its first entry. No warning kind exists for this, and
    // Addigy's policy ids are UUIDs, so a repeat would mean a broken response.
    if (!byId.has(policy.id)) byId.set(policy.id, policy);
  }

  const warnings: CountWarning[] = [];
  const parentIds = cutDanglingParents(byId, warnings);
  cutCycles(byId, parentIds, warnings);

  const childIds = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [id, parentId] of parentIds) {
    if (parentId === null) roots.push(id);
    else if (childIds.has(parentId)) childIds.get(parentId)!.push(id);
    else childIds.set(parentId, [id]);
  }
  return new PolicyTree(byId, parentIds, childIds, roots, warnings);
}

function cutDanglingParents(
  byId: ReadonlyMap<string, Policy>,
  warnings: CountWarning[],
): Map<string, string | null> {
  const parentIds = new Map<string, string | null>();
  for (const policy of byId.values()) {
    const parentId = policy.parentId?.trim() || null;
    if (parentId !== null && !byId.has(parentId)) {
      warnings.push({
        kind: 'danglingParent',
        policyId: policy.id,
        policyName: policy.name,
        parentId,
      });
      parentIds.set(policy.id, null);
    } else {
      parentIds.set(policy.id, parentId);
    }
  }
  return parentIds;
}

/** Walks up from each policy once, marking policies as on the current path or finished. */
function cutCycles(
  byId: ReadonlyMap<string, Policy>,
  parentIds: Map<string, string | null>,
  warnings: CountWarning[],
): void {
  const inputIndex = new Map([...byId.keys()].map((id, index) => [id, index]));
  const state = new Map<string, 'onPath' | 'finished'>();
  for (const start of byId.keys()) {
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && !state.has(current)) {
      state.set(current, 'onPath');
      path.push(current);
      current = parentIds.get(current) ?? null;
    }
    if (current !== null && state.get(current) === 'onPath') {
      const cycle = path.slice(path.indexOf(current));
      const first = cycle.reduce((a, b) => (inputIndex.get(a)! <= inputIndex.get(b)! ? a : b));
      parentIds.set(first, null);
      warnings.push({ kind: 'cycle', policyId: first, policyName: byId.get(first)!.name });
    }
    for (const id of path) state.set(id, 'finished');
  }
}

/**
 * Resolves the account (client) policies for an account level, sorted by name and then by id.
 * Throws an Error when the account level names a parent policy that is not in the tree.
 */
export function resolveAccountPolicies(tree: PolicyTree, level: AccountLevel): string[] {
  if (level.kind === 'children' && !tree.policies.has(level.parentId)) {
    throw new Error(
      `The policy chosen as the account level (id ${level.parentId}) was not found in Addigy. ` +
        'Choose another account level in the options.',
    );
  }
  const ids = level.kind === 'roots' ? tree.roots : tree.childrenOf(level.parentId);
  return sortByName(tree, ids);
}

const nameCollator = new Intl.Collator(undefined, { numeric: true });

function sortByName(tree: PolicyTree, ids: readonly string[]): string[] {
  const nameOf = (id: string) => tree.policies.get(id)?.name ?? '';
  return [...ids].sort((a, b) => nameCollator.compare(nameOf(a), nameOf(b)) || compareIds(a, b));
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
