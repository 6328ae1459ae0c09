/** The regions where IoT Platform runs (Alibaba doc 30560); also the allow-list for building endpoint URLs. */
export const IOT_REGIONS = [
	{ id: 'cn-shanghai', label: 'China (Shanghai)' },
	{ id: 'cn-beijing', label: 'China (Beijing) - Enterprise instances only' },
	{ id: 'cn-shenzhen', label: 'China (Shenzhen) - Enterprise instances only' },
	{ id: 'ap-southeast-1', label: 'Singapore' },
	{ id: 'ap-northeast-1', label: 'Japan (Tokyo)' },
	{ id: 'us-west-1', label: 'US (Silicon Valley)' },
	{ id: 'us-east-1', label: 'US (Virginia)' },
	{ id: 'eu-central-1', label: 'Germany (Frankfurt)' },
] as const;

type IotRegionId = (typeof IOT_REGIONS)[number]['id'];

export const DEFAULT_REGION_ID: IotRegionId = 'cn-shanghai';

export function isIotRegionId(value: string): value is IotRegionId {
	return IOT_REGIONS.some((region) => region.id === value);
}

export function regionEndpoint(regionId: IotRegionId): string {
	return `https://iot.${regionId}.aliyuncs.com`;
}
