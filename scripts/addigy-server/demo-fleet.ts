/**
 * The demo tenant: the 34 policies of `demo-policies.ts` and 372 device records for every seed,
 * with the cases that the counting rules must handle. Besides ordinary devices, it contains:
 *
 * - MDM-only records without agent facts;
 * - re-enrolled devices that left older records with the same serial number;
 * - records without a serial number;
 * - devices with an empty, null or unknown location policy;
 * - stale and never-seen devices;
 * - Flex `policy_ids` that list extra policies.
 *
 * The same seed always gives the same fleet. Dates are relative to `now`, which defaults to the
 * fixed `DEMO_FLEET_NOW` so that the fleet does not change with the clock.
 */
import type { Fleet } from './fleet';
import { draftDevice, toFleetDevice, type DemoContext, type DeviceDraft } from './demo-devices';
import { MODEL_MIXES, pickModel } from './demo-models';
import { buildDemoPolicies, type DevicePlacement } from './demo-policies';
import { addSpecialCases } from './demo-special-cases';
import { createRandom } from './random';

/** The demo fleet's default "now": last_online dates are counted back from it. */
export const DEMO_FLEET_NOW = Date.parse('2026-11-30T12:00:00.000Z');

/** Generates the demo fleet; the same seed and `now` always give the same fleet. */
export function generateDemoFleet(seed = 1, now = DEMO_FLEET_NOW): Fleet {
  const random = createRandom(seed);
  const orgid = random.uuid();
  const { policies, placements } = buildDemoPolicies(random, orgid, now);
  const context: DemoContext = {
    random,
    orgid,
    now,
    policies,
    usedSerialNumbers: new Set(),
    nameCounters: new Map(),
  };

  const drafts = placements.flatMap((placement) => draftPlacedDevices(context, placement));
  const allDrafts = addSpecialCases(context, drafts);
  const devices = allDrafts.map((draft) => toFleetDevice(context, draft));
  return { policies, devices };
}

function draftPlacedDevices(context: DemoContext, placement: DevicePlacement): DeviceDraft[] {
  const drafts: DeviceDraft[] = [];
  for (let index = 0; index < placement.devices; index++) {
    const model = pickModel(MODEL_MIXES[placement.profile], context.random.next());
    drafts.push(draftDevice(context, model, placement.policyId, placement.code));
  }
  return drafts;
}
