/**
 * Apple models for the demo fleet: one or more per device family, with the facts Addigy reports
 * for them, and the mixes of models that different kinds of client own.
 */

export type DeviceFamily = 'mac' | 'iphone' | 'ipod' | 'ipad' | 'appletv' | 'watch' | 'vision';

export interface AppleModel {
  family: DeviceFamily;
  /** The model identifier, reported as `product_name` and `hardware_model`. */
  identifier: string;
  /** The marketing name, reported as `device_model_name`. */
  modelName: string;
  /** Device name stem, such as "MBP" in "ACME-MBP-03". */
  nameStem: string;
}

export const APPLE_MODELS = {
  macBookPro: {
    family: 'mac',
    identifier: 'MacBookPro18,3',
    modelName: 'MacBook Pro',
    nameStem: 'MBP',
  },
  macBookAir: {
    family: 'mac',
    identifier: 'MacBookAir10,1',
    modelName: 'MacBook Air',
    nameStem: 'MBA',
  },
  macBookAirM2: { family: 'mac', identifier: 'Mac14,2', modelName: 'MacBook Air', nameStem: 'MBA' },
  iMac: { family: 'mac', identifier: 'iMac21,1', modelName: 'iMac', nameStem: 'iMac' },
  macMini: { family: 'mac', identifier: 'Macmini9,1', modelName: 'Mac mini', nameStem: 'Mini' },
  macPro: { family: 'mac', identifier: 'MacPro7,1', modelName: 'Mac Pro', nameStem: 'MacPro' },
  virtualMac: {
    family: 'mac',
    identifier: 'VirtualMac2,1',
    modelName: 'Apple Virtual Machine 1',
    nameStem: 'VM',
  },
  iPhone: {
    family: 'iphone',
    identifier: 'iPhone14,2',
    modelName: 'iPhone 13 Pro',
    nameStem: 'iPhone',
  },
  iPod: { family: 'ipod', identifier: 'iPod9,1', modelName: 'iPod touch', nameStem: 'iPod' },
  iPadPro: {
    family: 'ipad',
    identifier: 'iPad13,4',
    modelName: 'iPad Pro (11-inch) (3rd generation)',
    nameStem: 'iPad',
  },
  iPad: { family: 'ipad', identifier: 'iPad8,3', modelName: 'iPad', nameStem: 'iPad' },
  appleTv: {
    family: 'appletv',
    identifier: 'AppleTV11,1',
    modelName: 'Apple TV 4K (2nd generation)',
    nameStem: 'TV',
  },
  watch: {
    family: 'watch',
    identifier: 'Watch6,1',
    modelName: 'Apple Watch Series 6',
    nameStem: 'Watch',
  },
  visionPro: {
    family: 'vision',
    identifier: 'RealityDevice14,1',
    modelName: 'Apple Vision Pro',
    nameStem: 'Vision',
  },
} as const satisfies Record<string, AppleModel>;

/**
 * The `system_version` each family reports. iPads report "iOS", as in Addigy's recorded V1
 * response, so the OS version alone cannot tell an iPad from an iPhone.
 */
export const SYSTEM_VERSIONS: Record<DeviceFamily, readonly string[]> = {
  mac: [
    'macOS 14.6.1 (23G93)',
    'macOS 15.1 (24B83)',
    'macOS 15.7.2 (24G325)',
    'macOS 26.1 (25B78)',
  ],
  iphone: ['iOS 18.1 (22B83)', 'iOS 26.1 (23B85)'],
  ipod: ['iOS 15.8.3 (19H386)'],
  ipad: ['iOS 17.7 (21H16)', 'iOS 18.1 (22B83)'],
  appletv: ['tvOS 18.1 (22J580)'],
  watch: ['watchOS 11.1 (22R422)'],
  vision: ['visionOS 2.1 (22N580)'],
};

/** The kinds of client in the demo, each owning a typical mix of models. */
export type ClientProfile = 'office' | 'clinic' | 'school' | 'studio' | 'retail' | 'lab';

type Mix = ReadonlyArray<readonly [AppleModel, number]>;

const models = APPLE_MODELS;

/** Relative weights of each model per profile. */
export const MODEL_MIXES: Record<ClientProfile, Mix> = {
  office: [
    [models.macBookPro, 5],
    [models.macBookAir, 5],
    [models.macBookAirM2, 3],
    [models.iMac, 2],
    [models.iPhone, 4],
    [models.iPadPro, 1],
    [models.appleTv, 1],
  ],
  clinic: [
    [models.iMac, 4],
    [models.macMini, 2],
    [models.macBookAir, 2],
    [models.iPad, 5],
    [models.iPadPro, 2],
    [models.iPhone, 1],
  ],
  school: [
    [models.iPad, 8],
    [models.macBookAir, 3],
    [models.iMac, 1],
    [models.appleTv, 1],
    [models.iPod, 1],
  ],
  studio: [
    [models.macPro, 2],
    [models.macBookPro, 4],
    [models.iMac, 2],
    [models.macMini, 2],
    [models.iPadPro, 1],
    [models.watch, 1],
    [models.visionPro, 1],
  ],
  retail: [
    [models.iPad, 4],
    [models.iPod, 2],
    [models.macMini, 2],
    [models.iPhone, 2],
    [models.appleTv, 1],
  ],
  lab: [
    [models.virtualMac, 4],
    [models.macMini, 2],
    [models.macBookPro, 1],
    [models.watch, 1],
    [models.visionPro, 1],
  ],
};

/** Picks a model from a mix with the given random value in [0, 1). */
export function pickModel(mix: Mix, randomValue: number): AppleModel {
  const totalWeight = mix.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = randomValue * totalWeight;
  for (const [model, weight] of mix) {
    remaining -= weight;
    if (remaining < 0) return model;
  }
  const last = mix[mix.length - 1];
  if (last === undefined) throw new Error('A model mix must not be empty.');
  return last[0];
}
