import type { INodeProperties } from 'n8n-workflow';

import { REQUEST_OPTIONS } from '../requestOptions';

/** An option of every operation and the trigger: which IoT Platform instance to talk to. */
export const IOT_INSTANCE_ID_OPTION: INodeProperties = {
	displayName: 'IoT Instance ID',
	name: 'iotInstanceId',
	type: 'string',
	default: '',
	placeholder: 'e.g. iot-cn-0pp1n8t****',
	description:
		'ID of the IoT Platform instance the firmware belongs to. Required for Enterprise instances and newer public instances; leave empty for an old public instance.',
};

/**
 * The Options collection of every operation: the operation's own options first, then the instance
 * and how requests are sent and retried.
 */
export function operationOptions(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, IOT_INSTANCE_ID_OPTION, ...REQUEST_OPTIONS],
	};
}
