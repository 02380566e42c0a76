/**
 * The irregular records of the demo fleet: the cases that the counting rules exist for. Each
 * function changes a few ordinary drafts or adds new ones, and the counts are fixed so that every
 * seed produces every case.
 */
import { APPLE_MODELS, MODEL_MIXES, pickModel } from './demo-models';
import { DAY_MS, draftDevice, type DemoContext, type DeviceDraft } from './demo-devices';
import { MANAGED_CLIENTS_POLICY_NAME } from './demo-policies';

/** Devices enrolled again; each left one older record, and the first left two. */
export const DEMO_RE_ENROLLED_DEVICES = 6;
/** BYOD iPhones in User Enrollment, which reports no serial number. */
export const DEMO_RECORDS_WITHOUT_SERIAL = 2;

/** Returns the drafts with the irregular cases applied and the extra records appended. */
export function addSpecialCases(context: DemoContext, drafts: DeviceDraft[]): DeviceDraft[] {
  const selected = new Set<DeviceDraft>();
  const selectDrafts = (
    count: number,
    predicate: (draft: DeviceDraft) => boolean,
  ): DeviceDraft[] => {
    const candidates = drafts.filter((draft) => !selected.has(draft) && predicate(draft));
    const chosen: DeviceDraft[] = [];
    while (chosen.length < count && candidates.length > 0) {
      const [draft] = candidates.splice(context.random.integer(0, candidates.length - 1), 1);
      if (draft === undefined) break;
      selected.add(draft);
      chosen.push(draft);
    }
    return chosen;
  };

  removeAgentFacts(selectDrafts);
  const neverSeen = selectDrafts(1, (draft) => draft.model.family === 'mac');
  for (const draft of neverSeen) draft.lastOnline = null;

  const reEnrolled = selectDrafts(DEMO_RE_ENROLLED_DEVICES, (draft) => draft.lastOnline !== null);
  const olderRecords = reEnrolled.flatMap((draft, index) =>
    draftOlderRecords(context, draft, index),
  );
  return [
    ...drafts,
    ...olderRecords,
    ...draftUnassignedRecords(context),
    ...draftRecordsWithoutSerial(context),
  ];
}

/**
 * Makes some records MDM-only: Addigy then has no agent facts, so `product_name` is null, and
 * a few records report even less, down to only `system_version`.
 */
function removeAgentFacts(
  selectDrafts: (count: number, predicate: (draft: DeviceDraft) => boolean) => DeviceDraft[],
): void {
  for (const draft of selectDrafts(6, (draft) => draft.model.family !== 'mac')) {
    draft.productName = null;
  }
  for (const draft of selectDrafts(1, (draft) => draft.model.family === 'mac')) {
    draft.productName = null;
  }
  for (const draft of selectDrafts(2, () => true)) {
    draft.productName = null;
    draft.hardwareModel = null;
  }
  for (const draft of selectDrafts(1, (draft) => draft.model.family === 'ipad')) {
    draft.productName = null;
    draft.hardwareModel = null;
    draft.deviceModelName = null;
  }
}

/**
 * Drafts the records that an earlier enrolment of the same device left behind: same serial
 * number, older last_online. The first two devices moved from another policy, so only the newest
 * record has the right one.
 */
function draftOlderRecords(
  context: DemoContext,
  current: DeviceDraft,
  index: number,
): DeviceDraft[] {
  const { random } = context;
  const recordCount = index === 0 ? 2 : 1;
  const records: DeviceDraft[] = [];
  let lastOnline = current.lastOnline ?? context.now;

  for (let record = 0; record < recordCount; record++) {
    lastOnline -= random.integer(30, 120) * DAY_MS;
    const policyId = index < 2 ? pickClientPolicyId(context) : current.policyId;
    records.push({
      ...current,
      policyId,
      policyIds: policyId ? [policyId] : [],
      lastOnline,
    });
  }
  return records;
}

/** Drafts records whose location policy is empty, null or deleted: they count as "Unassigned". */
function draftUnassignedRecords(context: DemoContext): DeviceDraft[] {
  const deletedPolicyIds = [context.random.uuid(), context.random.uuid()];
  const policyIds: Array<string | null> = ['', '', ...deletedPolicyIds, null];

  return policyIds.map((policyId) => {
    const model = pickModel(MODEL_MIXES.office, context.random.next());
    const draft = draftDevice(context, model, policyId, 'NEW');
    draft.policyIds = policyId ? [policyId] : [];
    return draft;
  });
}

function draftRecordsWithoutSerial(context: DemoContext): DeviceDraft[] {
  return Array.from({ length: DEMO_RECORDS_WITHOUT_SERIAL }, () => {
    const draft = draftDevice(context, APPLE_MODELS.iPhone, pickClientPolicyId(context), 'BYOD');
    draft.serialNumber = null;
    return draft;
  });
}

function pickClientPolicyId(context: DemoContext): string {
  const clientPolicies = context.policies.filter(
    (policy) => policy.name !== MANAGED_CLIENTS_POLICY_NAME,
  );
  return context.random.pick(clientPolicies).policyId;
}
