import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** An option of both nodes: which IoT Platform instance the firmwares belong to. */
export const IOT_INSTANCE_ID_OPTION: INodeProperties = {
	displayName: 'IoT Instance ID',
	name: 'iotInstanceId',
	type: 'string',
	default: '',
	placeholder: 'e.g. iot-cn-0pp1n8t****',
	description:
		'ID of the IoT Platform instance the firmware belongs to. Required for Enterprise instances and newer public instances; leave empty for an old public instance.',
};

/** An empty instance ID means the public instance, where the API wants no parameter at all. */
export function iotInstanceIdOf(options: IDataObject | undefined): string | undefined {
	const value = options?.iotInstanceId;
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
