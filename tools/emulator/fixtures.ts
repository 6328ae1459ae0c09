// The data a fresh emulator starts with: each firmware covers one case a client has to get right.
import { EMULATOR_INSTANCE_ID } from './accounts';
import type { FirmwareStore } from './firmwareStore';
import type { FirmwareSpec } from './types';

export const FIXTURE_FIRMWARES = {
	/** 7 jobs in all four statuses, some tagged, one verification job: the one to show. */
	demo: 'FwDemo0000000000000001',
	/** 450 jobs: 3 pages of 200 (the largest page), the last one partial. */
	pages: 'FwPages000000000000450',
	/** No jobs; the answer has no Data key at all. */
	emptyNoData: 'FwEmptyNoData000000000',
	/** No jobs; the answer has Data.SimpleOTAJobInfo = []. */
	emptyArray: 'FwEmptyArray0000000000',
	/** 25 jobs, in the Enterprise instance EMULATOR_INSTANCE_ID: needs IotInstanceId. */
	enterprise: 'FwEnterprise0000000025',
} as const;

/** Firmwares with no jobs, so ListOTAFirmware has more than one product and version to filter on. */
export const LISTING_ONLY_FIRMWARES = {
	meterOld: 'FwMeterV100000000000001',
	meterDiff: 'FwMeterV110000000000002',
	lightFull: 'FwLightV200000000000003',
} as const;

export const FIXTURE_PRODUCTS = {
	meter: { productKey: 'a1EmuMeter1', productName: 'Smart Meter' },
	light: { productKey: 'a1EmuLight1', productName: 'Street Light' },
} as const;

const { meter, light } = FIXTURE_PRODUCTS;

export const SEEDED_FIRMWARES: readonly FirmwareSpec[] = [
	{ firmwareId: FIXTURE_FIRMWARES.demo, jobCount: 7, seed: 301, ...meter, destVersion: '1.2.0', name: 'Meter firmware 1.2.0' },
	{ firmwareId: FIXTURE_FIRMWARES.pages, jobCount: 450, seed: 450, ...meter, destVersion: '1.3.0', name: 'Meter firmware 1.3.0' },
	{ firmwareId: FIXTURE_FIRMWARES.emptyNoData, emptyShape: 'noData', seed: 1, ...light, destVersion: '2.0.1' },
	{ firmwareId: FIXTURE_FIRMWARES.emptyArray, emptyShape: 'emptyArray', seed: 2, ...light, destVersion: '2.0.2' },
	{
		firmwareId: FIXTURE_FIRMWARES.enterprise,
		jobCount: 25,
		seed: 25,
		iotInstanceId: EMULATOR_INSTANCE_ID,
		productKey: 'a1EmuEntGw1',
		productName: 'Enterprise Gateway',
		destVersion: '3.1.0',
	},
	{ firmwareId: LISTING_ONLY_FIRMWARES.meterOld, seed: 3, ...meter, destVersion: '1.0.0', name: 'Meter firmware 1.0.0' },
	{ firmwareId: LISTING_ONLY_FIRMWARES.meterDiff, seed: 4, ...meter, srcVersion: '1.0.0', destVersion: '1.1.0' },
	{ firmwareId: LISTING_ONLY_FIRMWARES.lightFull, seed: 5, ...light, destVersion: '2.0.0' },
];

export function seedFixtures(store: FirmwareStore): void {
	for (const spec of SEEDED_FIRMWARES) store.add(spec);
}
