import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFleet } from '../../scripts/addigy-server/fleet';
import { smallFleet } from './helpers';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'addigy-fleet-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function writeFleetFile(name: string, content: unknown): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
  return path;
}

function deviceWithFacts(facts: object) {
  return { agentid: 'agent-1', orgid: 'org-1', facts };
}

describe('loadFleet', () => {
  test('reads a valid fleet file', async () => {
    const path = await writeFleetFile('valid.json', smallFleet());

    expect(await loadFleet(path)).toEqual(smallFleet());
  });

  test('keeps extra policy and device fields', async () => {
    const fleet = smallFleet();
    const policy = { ...fleet.policies[0], color: '#000000' };
    const device = { ...fleet.devices[0], audit_date: '2026-11-29T10:00:00Z' };
    const path = await writeFleetFile('extra.json', { policies: [policy], devices: [device] });

    const loaded = await loadFleet(path);

    expect(loaded.policies[0]).toEqual(policy);
    expect(loaded.devices[0]).toEqual(device);
  });

  test.each([
    [
      'an empty policyId',
      { policies: [{ policyId: '', name: 'Acme', parent: null, orgid: 'o' }], devices: [] },
      'policies[0].policyId: Too small: expected string to have >=1 characters',
    ],
    [
      'a last_online that is no date',
      {
        policies: [],
        devices: [
          deviceWithFacts({}),
          deviceWithFacts({ last_online: { type: 'date', value: 'yesterday', error_msg: '' } }),
        ],
      },
      'devices[1].facts.last_online.value: Invalid ISO datetime',
    ],
    [
      'a policy_ids entry that is a number',
      {
        policies: [],
        devices: [deviceWithFacts({ policy_ids: { type: 'list', value: [1], error_msg: '' } })],
      },
      'devices[0].facts.policy_ids.value[0]: Invalid input: expected string, received number',
    ],
    [
      'a fact without error_msg',
      {
        policies: [],
        devices: [deviceWithFacts({ serial_number: { type: 'string', value: 'C02X' } })],
      },
      'devices[0].facts.serial_number.error_msg: Invalid input: expected string, received undefined',
    ],
    [
      'no devices list',
      { policies: [] },
      'devices: Invalid input: expected array, received undefined',
    ],
  ])('rejects %s naming the entry and field', async (_case, content, problem) => {
    const path = await writeFleetFile('invalid.json', content);

    await expect(loadFleet(path)).rejects.toThrow(`Fleet file ${path} is invalid:\n  ${problem}`);
  });

  test('rejects a file that is not JSON', async () => {
    const path = await writeFleetFile('broken.json', '{"policies": [');

    await expect(loadFleet(path)).rejects.toThrow(`Fleet file ${path} is not valid JSON: `);
  });

  test('rejects a missing file', async () => {
    const path = join(directory, 'missing.json');

    await expect(loadFleet(path)).rejects.toThrow(`Fleet file ${path} could not be read: ENOENT`);
  });
});
