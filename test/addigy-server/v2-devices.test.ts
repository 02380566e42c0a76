import { describe, expect, test } from 'vitest';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import { KNOWN_FACT_IDENTIFIERS } from '../../scripts/addigy-server/fleet';
import { searchDevices as searchFleet } from '../../scripts/addigy-server/v2-devices';
import { generateLargeFleet } from '../../scripts/bench/large-fleet';
import { makeDevice, searchDevices, smallFleet, startTestServer, V2_HEADERS } from './helpers';

interface DevicesPage {
  items: Array<{
    agentid: string;
    orgid: string;
    facts: Record<string, { value: unknown }>;
  }> | null;
  metadata: {
    page: number;
    per_page: number;
    page_count: number;
    result_count: number;
    total: number;
  };
}

describe('V2 device search pagination', () => {
  const demoFleet = generateDemoFleet();

  test.each([100, 37])('walks every device once with per_page %i', async (perPage) => {
    const server = await startTestServer({ fleet: demoFleet });
    const agentIds: string[] = [];
    const serialNumbers: string[] = [];
    let pageCount = 0;

    for (let page = 1; ; page++) {
      const response = await searchDevices(server, {
        page,
        per_page: perPage,
        sort_field: 'serial_number',
        sort_direction: 'asc',
        desired_fact_identifiers: ['serial_number'],
        query: {},
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as DevicesPage;
      expect(body.metadata.total).toBe(demoFleet.devices.length);
      for (const item of body.items ?? []) {
        agentIds.push(item.agentid);
        serialNumbers.push(String(item.facts.serial_number?.value ?? ''));
      }
      pageCount = body.metadata.page_count;
      if (page >= pageCount) break;
    }

    expect(pageCount).toBe(Math.ceil(demoFleet.devices.length / perPage));
    expect(agentIds).toHaveLength(demoFleet.devices.length);
    expect(new Set(agentIds)).toEqual(new Set(demoFleet.devices.map((device) => device.agentid)));
    expect(serialNumbers).toEqual([...serialNumbers].sort());
  });

  test('page metadata counts the last partial page', async () => {
    const server = await startTestServer();
    const response = await searchDevices(server, {
      page: 3,
      per_page: 2,
      sort_field: 'serial_number',
    });
    const body = (await response.json()) as DevicesPage;

    expect(body.items?.map((item) => item.agentid)).toEqual(['agent-e']);
    expect(body.metadata).toEqual({
      page: 3,
      per_page: 2,
      page_count: 3,
      result_count: 1,
      total: 5,
    });
  });

  test('page past the end has null items', async () => {
    const server = await startTestServer();
    const response = await searchDevices(server, {
      page: 4,
      per_page: 2,
      sort_field: 'serial_number',
    });
    const body = (await response.json()) as DevicesPage;

    expect(response.status).toBe(200);
    expect(body.items).toBeNull();
    expect(body.metadata).toEqual({
      page: 4,
      per_page: 2,
      page_count: 3,
      result_count: 0,
      total: 5,
    });
  });

  test('empty fleet has zero pages and null items', async () => {
    const server = await startTestServer({ fleet: { policies: [], devices: [] } });
    const response = await searchDevices(server, { page: 1, per_page: 100 });
    const body = (await response.json()) as DevicesPage;

    expect(body.items).toBeNull();
    expect(body.metadata).toEqual({
      page: 1,
      per_page: 100,
      page_count: 0,
      result_count: 0,
      total: 0,
    });
  });
});

describe('V2 device search sorting', () => {
  test.each([
    ['asc', ['agent-a', 'agent-b', 'agent-c', 'agent-d', 'agent-e']],
    ['desc', ['agent-e', 'agent-d', 'agent-c', 'agent-b', 'agent-a']],
    ['DESC', ['agent-e', 'agent-d', 'agent-c', 'agent-b', 'agent-a']],
  ])('sorts by serial number %s', async (direction, expectedAgentIds) => {
    const server = await startTestServer();
    const response = await searchDevices(server, {
      per_page: 10,
      sort_field: 'serial_number',
      sort_direction: direction,
    });
    const body = (await response.json()) as DevicesPage;

    expect(body.items?.map((item) => item.agentid)).toEqual(expectedAgentIds);
  });

  test('sorts again for the other direction', async () => {
    const server = await startTestServer();
    const search = { per_page: 10, sort_field: 'serial_number' };
    const ascending = (await (
      await searchDevices(server, { ...search, sort_direction: 'asc' })
    ).json()) as DevicesPage;
    const descending = (await (
      await searchDevices(server, { ...search, sort_direction: 'desc' })
    ).json()) as DevicesPage;

    expect(ascending.items?.map((item) => item.agentid)).toEqual([
      'agent-a',
      'agent-b',
      'agent-c',
      'agent-d',
      'agent-e',
    ]);
    expect(descending.items?.map((item) => item.agentid)).toEqual([
      'agent-e',
      'agent-d',
      'agent-c',
      'agent-b',
      'agent-a',
    ]);
  });

  test('sorts again after the fleet grows', async () => {
    const fleet = smallFleet();
    const server = await startTestServer({ fleet });
    const search = { per_page: 10, sort_field: 'serial_number' };
    await searchDevices(server, search);
    fleet.devices.push(makeDevice('agent-0', 'SERIAL-0'));
    const body = (await (await searchDevices(server, search)).json()) as DevicesPage;

    expect(body.metadata.total).toBe(6);
    expect(body.items?.map((item) => item.agentid)).toEqual([
      'agent-0',
      'agent-a',
      'agent-b',
      'agent-c',
      'agent-d',
      'agent-e',
    ]);
  });

  test('sorts a large fleet once', () => {
    const fleet = generateLargeFleet(100_000, 3);
    const search = { per_page: 100, sort_field: 'serial_number', sort_direction: 'asc' };
    searchFleet(fleet, { ...search, page: 1 });
    const started = performance.now();
    for (let page = 2; page <= 101; page++) searchFleet(fleet, { ...search, page });

    // Sorting 100,000 devices took about 120 ms on a 2-core machine, so 100 pages that each
    // sorted would take about 12 s there.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('keeps fleet order without sort field', async () => {
    const server = await startTestServer();
    const body = (await (await searchDevices(server, { per_page: 10 })).json()) as DevicesPage;

    expect(body.items?.map((item) => item.agentid)).toEqual([
      'agent-c',
      'agent-a',
      'agent-e',
      'agent-b',
      'agent-d',
    ]);
  });
});

describe('V2 device search facts', () => {
  test('returns only the requested facts', async () => {
    const server = await startTestServer();
    const response = await searchDevices(server, {
      per_page: 10,
      desired_fact_identifiers: ['serial_number', 'policy_id', 'no_such_fact'],
    });
    const body = (await response.json()) as DevicesPage;

    expect(body.items).toHaveLength(5);
    for (const item of body.items ?? []) {
      expect(Object.keys(item.facts).sort()).toEqual(['policy_id', 'serial_number']);
    }
    expect(body.items?.[1]).toEqual({
      agentid: 'agent-a',
      orgid: 'org-1',
      facts: {
        serial_number: { type: 'string', value: 'SERIAL-A', error_msg: '' },
        policy_id: { type: 'string', value: 'policy-child', error_msg: '' },
      },
    });
  });

  test.each([
    ['absent', undefined],
    ['empty', []],
  ])('returns every fact when the list is %s', async (_case, identifiers) => {
    const server = await startTestServer();
    const response = await searchDevices(server, {
      per_page: 10,
      desired_fact_identifiers: identifiers,
    });
    const body = (await response.json()) as DevicesPage;

    for (const item of body.items ?? []) {
      expect(Object.keys(item.facts).sort()).toEqual([...KNOWN_FACT_IDENTIFIERS].sort());
    }
  });
});

describe('V2 device search request validation', () => {
  test.each([
    [
      'per_page 101',
      { per_page: 101 },
      'Invalid device search request: per_page: per_page must be at most 100',
    ],
    [
      'per_page 0',
      { per_page: 0 },
      'Invalid device search request: per_page: per_page must be 1 or more',
    ],
    ['page 0', { page: 0 }, 'Invalid device search request: page: page must be 1 or more'],
    [
      'unknown sort direction',
      { sort_direction: 'up' },
      'Invalid device search request: sort_direction: sort_direction must be "asc" or "desc"',
    ],
  ])('rejects %s with 400', async (_case, body, message) => {
    const server = await startTestServer();
    const response = await searchDevices(server, body);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 400, message, error_chain: { message } });
  });

  test.each([
    ['malformed JSON', '{"page": 1,', 'The request body is not valid JSON: '],
    ['an empty body', '', 'The request body is missing; send a JSON object.'],
  ])('rejects %s with 400', async (_case, text, messageStart) => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/v2/devices`, {
      method: 'POST',
      headers: V2_HEADERS,
      body: text,
    });
    const body = (await response.json()) as { code: number; message: string };

    expect(response.status).toBe(400);
    expect(body.code).toBe(400);
    expect(body.message.startsWith(messageStart)).toBe(true);
  });
});
