import { describe, expect, it } from 'vitest';
import { buildPolicyTree, resolveAccountPolicies } from '../../lib/counting/policy-tree';
import { policy } from './builders';

describe('buildPolicyTree', () => {
  it('parent links kept', () => {
    const tree = buildPolicyTree([
      policy('root'),
      policy('child', 'root'),
      policy('leaf', 'child'),
    ]);
    expect(tree.roots).toEqual(['root']);
    expect(tree.parentOf('leaf')).toBe('child');
    expect(tree.childrenOf('root')).toEqual(['child']);
    expect(tree.warnings).toEqual([]);
  });

  it.each([
    ['null', null],
    ['empty string', ''],
    ['whitespace', '  '],
  ])('%s parent is root', (_case, parentId) => {
    const tree = buildPolicyTree([policy('a', parentId)]);
    expect(tree.roots).toEqual(['a']);
    expect(tree.parentOf('a')).toBeNull();
    expect(tree.warnings).toEqual([]);
  });

  it('dangling parent becomes root', () => {
    const tree = buildPolicyTree([policy('a', 'deleted', 'Acme')]);
    expect(tree.roots).toEqual(['a']);
    expect(tree.warnings).toEqual([
      { kind: 'danglingParent', policyId: 'a', policyName: 'Acme', parentId: 'deleted' },
    ]);
  });

  it('self-parent becomes root', () => {
    const tree = buildPolicyTree([policy('a', 'a', 'Acme'), policy('b', 'a')]);
    expect(tree.roots).toEqual(['a']);
    expect(tree.parentOf('b')).toBe('a');
    expect(tree.warnings).toEqual([{ kind: 'cycle', policyId: 'a', policyName: 'Acme' }]);
  });

  it('two-node cycle cuts first listed', () => {
    const tree = buildPolicyTree([policy('b', 'a', 'Beta'), policy('a', 'b', 'Alpha')]);
    expect(tree.roots).toEqual(['b']);
    expect(tree.parentOf('a')).toBe('b');
    expect(tree.warnings).toEqual([{ kind: 'cycle', policyId: 'b', policyName: 'Beta' }]);
  });

  it('cycle reached from outside cuts first listed member', () => {
    // x hangs below the cycle c -> d -> c and is walked first, but d is the first member listed.
    const tree = buildPolicyTree([policy('x', 'c'), policy('d', 'c'), policy('c', 'd')]);
    expect(tree.roots).toEqual(['d']);
    expect(tree.parentOf('c')).toBe('d');
    expect(tree.parentOf('x')).toBe('c');
    expect(tree.warnings).toEqual([{ kind: 'cycle', policyId: 'd', policyName: 'Policy d' }]);
  });

  it('repeated policy id keeps first', () => {
    const tree = buildPolicyTree([policy('a', null, 'First'), policy('a', null, 'Second')]);
    expect(tree.policies.get('a')?.name).toBe('First');
    expect(tree.roots).toEqual(['a']);
  });
});

describe('PolicyTree lookups', () => {
  const tree = buildPolicyTree([
    policy('leaf', 'child'),
    policy('child', 'root'),
    policy('root'),
    policy('other'),
    policy('sibling', 'root'),
  ]);

  it.each([
    ['leaf', ['child', 'root']],
    ['child', ['root']],
    ['root', []],
    ['unknown', []],
  ])('ancestors of %s', (policyId, expected) => {
    expect(tree.ancestorsOf(policyId)).toEqual(expected);
  });

  it('ancestors correct after partial lookup', () => {
    const fresh = buildPolicyTree([
      policy('root'),
      policy('child', 'root'),
      policy('leaf', 'child'),
    ]);
    expect(fresh.ancestorsOf('child')).toEqual(['root']);
    expect(fresh.ancestorsOf('leaf')).toEqual(['child', 'root']);
  });

  it('ancestors lookup memoised', () => {
    expect(tree.ancestorsOf('leaf')).toBe(tree.ancestorsOf('leaf'));
  });

  it('top-down order puts parents first', () => {
    expect(tree.topDownOrder()).toEqual(['root', 'other', 'child', 'sibling', 'leaf']);
  });

  it('unknown id has no parent or children', () => {
    expect(tree.parentOf('unknown')).toBeNull();
    expect(tree.childrenOf('unknown')).toEqual([]);
  });
});

describe('resolveAccountPolicies', () => {
  const tree = buildPolicyTree([
    policy('r1', null, 'beta'),
    policy('r2', null, 'Client 10'),
    policy('r3', null, 'Alpha'),
    policy('r5', null, 'Client 2'),
    policy('r4', null, 'Client 2'),
    policy('c1', 'r3', 'Zulu'),
    policy('c2', 'r3', 'Yankee'),
    policy('g1', 'c1', 'Grandchild'),
  ]);

  it('roots sorted by name then id', () => {
    const accountIds = resolveAccountPolicies(tree, { kind: 'roots' });
    expect(accountIds).toEqual(['r3', 'r1', 'r4', 'r5', 'r2']);
  });

  it('children of chosen policy', () => {
    const accountIds = resolveAccountPolicies(tree, { kind: 'children', parentId: 'r3' });
    expect(accountIds).toEqual(['c2', 'c1']);
  });

  it('leaf chosen has no accounts', () => {
    expect(resolveAccountPolicies(tree, { kind: 'children', parentId: 'g1' })).toEqual([]);
  });

  it('missing chosen parent throws', () => {
    expect(() => resolveAccountPolicies(tree, { kind: 'children', parentId: 'gone-42' })).toThrow(
      'The policy chosen as the account level (id gone-42) was not found in Addigy. ' +
        'Choose another account level in the options.',
    );
  });
});
