/**
 * The policy tree of the demo tenant. It uses both layouts that MSPs use in Addigy: most clients
 * are root policies with child and grandchild policies, and the rest sit as children of one
 * root policy, "Managed Clients". Company names include punctuation, accents and legal suffixes
 * so that name matching against PSA companies has real cases to handle.
 */
import type { FleetPolicy } from './fleet';
import type { ClientProfile } from './demo-models';
import type { Random } from './random';

interface DemoPolicyNode {
  name: string;
  /** Prefix of the device names in this branch, such as "ACME" in "ACME-MBP-03". */
  code?: string;
  profile?: ClientProfile;
  /** Devices whose location policy is this one. */
  devices: number;
  children?: DemoPolicyNode[];
}

export const MANAGED_CLIENTS_POLICY_NAME = 'Managed Clients';

const DEMO_POLICY_TREE: DemoPolicyNode[] = [
  {
    name: 'Acme Dental',
    code: 'ACME',
    profile: 'clinic',
    devices: 4,
    children: [
      {
        name: 'Acme Dental - Front Office',
        devices: 10,
        children: [{ name: 'Acme Dental - Kiosks', profile: 'retail', devices: 6 }],
      },
      { name: 'Acme Dental - Operatories', devices: 14 },
    ],
  },
  {
    name: 'Bright Smile Dental, LLC',
    code: 'BSD',
    profile: 'clinic',
    devices: 6,
    children: [{ name: 'Bright Smile Dental - Hygiene', devices: 12 }],
  },
  {
    name: 'Café Nova GmbH',
    code: 'CAFENOVA',
    profile: 'retail',
    devices: 3,
    children: [
      {
        name: 'Café Nova - Point of Sale',
        devices: 4,
        children: [{ name: 'Café Nova - Tills', devices: 9 }],
      },
    ],
  },
  {
    name: 'Northwind Legal Partners',
    code: 'NWL',
    profile: 'office',
    devices: 8,
    children: [
      { name: 'Northwind Legal - Attorneys', devices: 24 },
      { name: 'Northwind Legal - Conference Rooms', devices: 5 },
    ],
  },
  {
    name: 'Harbor & Pine Architects Inc.',
    code: 'HPA',
    profile: 'studio',
    devices: 6,
    children: [
      {
        name: 'Harbor & Pine - Studio',
        devices: 18,
        children: [{ name: 'Harbor & Pine - Render Farm', profile: 'lab', devices: 7 }],
      },
    ],
  },
  {
    name: 'Sunrise Pediatrics',
    code: 'SUNPED',
    profile: 'clinic',
    devices: 5,
    children: [{ name: 'Sunrise Pediatrics - Exam Rooms', devices: 11 }],
  },
  {
    name: 'Oakridge Academy',
    code: 'OAK',
    profile: 'school',
    devices: 4,
    children: [
      { name: 'Oakridge Academy - Teachers', profile: 'office', devices: 22 },
      {
        name: 'Oakridge Academy - Student iPads',
        devices: 40,
        children: [{ name: 'Oakridge Academy - Library Carts', devices: 24 }],
      },
    ],
  },
  { name: 'Blue Fern Studio', code: 'BLUEFERN', profile: 'studio', devices: 9 },
  {
    name: 'Lakeside Logistics',
    code: 'LAKESIDE',
    profile: 'office',
    devices: 10,
    children: [{ name: 'Lakeside Logistics - Warehouse', profile: 'retail', devices: 12 }],
  },
  { name: 'MSP Internal Lab', code: 'LAB', profile: 'lab', devices: 8 },
  {
    name: MANAGED_CLIENTS_POLICY_NAME,
    devices: 0,
    children: [
      {
        name: 'Greenleaf Accounting',
        code: 'GREENLEAF',
        profile: 'office',
        devices: 12,
        children: [{ name: 'Greenleaf Accounting - Remote Staff', devices: 9 }],
      },
      {
        name: 'Müller & Söhne KG',
        code: 'MUELLER',
        profile: 'office',
        devices: 6,
        children: [{ name: 'Müller & Söhne - Werkstatt', profile: 'studio', devices: 8 }],
      },
      {
        name: 'Pinnacle Realty Group, Inc.',
        code: 'PINNACLE',
        profile: 'office',
        devices: 10,
        children: [
          {
            name: 'Pinnacle Realty - Agents',
            devices: 15,
            children: [
              { name: 'Pinnacle Realty - Open House iPads', profile: 'retail', devices: 6 },
            ],
          },
        ],
      },
      { name: "St. Mary's Veterinary Clinic", code: 'STMARYS', profile: 'clinic', devices: 11 },
    ],
  },
];

/** A policy that gets regular devices, with the model mix and device name prefix to use. */
export interface DevicePlacement {
  policyId: string;
  profile: ClientProfile;
  code: string;
  devices: number;
}

const POLICY_COLORS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#17becf', '#000000'];

/**
 * Builds the demo policies in tree order (each parent before its children) and the device
 * placements. Children inherit the profile and device name code of their parent.
 */
export function buildDemoPolicies(
  random: Random,
  orgid: string,
  now: number,
): { policies: FleetPolicy[]; placements: DevicePlacement[] } {
  const policies: FleetPolicy[] = [];
  const placements: DevicePlacement[] = [];

  const visit = (node: DemoPolicyNode, parent: FleetPolicy | null, inherited: DevicePlacement) => {
    const policyId = random.uuid();
    const ageInDays = random.integer(200, 1500);
    const policy: FleetPolicy = {
      policyId,
      name: node.name,
      parent: parent?.policyId ?? null,
      orgid,
      creation_time: Math.floor((now - ageInDays * 86_400_000) / 1000),
      color: random.pick(POLICY_COLORS),
      icon: 'fa fa-building',
    };
    policies.push(policy);

    const placement: DevicePlacement = {
      policyId,
      profile: node.profile ?? inherited.profile,
      code: node.code ?? inherited.code,
      devices: node.devices,
    };
    if (placement.devices > 0) placements.push(placement);
    for (const child of node.children ?? []) visit(child, policy, placement);
  };

  for (const root of DEMO_POLICY_TREE) {
    visit(root, null, { policyId: '', profile: 'office', code: 'MSP', devices: 0 });
  }
  return { policies, placements };
}
