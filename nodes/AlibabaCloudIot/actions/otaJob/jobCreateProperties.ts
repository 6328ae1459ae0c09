import type { INodeProperties } from 'n8n-workflow';

import { REQUEST_TAG_KEY } from '../../api/otaJobTags';
import { firmwareLocator, productKeyProperty } from '../../helpers/properties/identifiers';
import { operationOptions } from '../../helpers/properties/operationOptions';

/** The parameters every create shares: which firmware, of which product. Ranges: docs/alibaba-api.md. */
export const FIRMWARE_AND_PRODUCT: INodeProperties[] = [
	firmwareLocator({
		displayName: 'Firmware',
		name: 'firmwareId',
		description: 'The OTA firmware (upgrade package) to roll out: its FirmwareId, or pick it from the list',
	}),
	productKeyProperty('The ProductKey of the product the firmware belongs to'),
];

export function srcVersionsProperty(required = false): INodeProperties {
	return {
		displayName: 'Source Versions',
		name: 'srcVersions',
		type: 'string',
		default: '',
		required,
		placeholder: 'e.g. 1.0.0, 1.0.1',
		description:
			'Only devices on these versions are upgraded (at most 10, separated by commas, or an array from an expression). Leave empty for every version.',
	};
}

export const GROUP_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		description: 'The device group to upgrade (GroupId)',
	},
	{
		displayName: 'Group Type',
		name: 'groupType',
		type: 'options',
		options: [
			{ name: 'Static Group (LINK_PLATFORM)', value: 'LINK_PLATFORM' },
			{ name: 'Dynamic Group (LINK_PLATFORM_DYNAMIC)', value: 'LINK_PLATFORM_DYNAMIC' },
		],
		default: 'LINK_PLATFORM',
		description: 'The kind of device group (GroupType)',
	},
];

const TAGS_OPTION: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Tag',
	default: {},
	description: `Tags of the job (at most 9: the node adds ${REQUEST_TAG_KEY} to find the job again after a lost answer). Keys: 1 to 30 letters, digits and periods.`,
	options: [
		{
			displayName: 'Tag',
			name: 'tag',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

const JOB_OPTIONS: Record<string, INodeProperties> = {
	timeoutInMinutes: {
		displayName: 'Timeout (Minutes)',
		name: 'timeoutInMinutes',
		type: 'number',
		default: 1440,
		typeOptions: { minValue: 1, maxValue: 1440 },
		description: 'A device that has not finished upgrading this long after its first progress report fails (1 to 1,440)',
	},
	needConfirm: {
		displayName: 'Need Confirm',
		name: 'needConfirm',
		type: 'boolean',
		default: false,
		description: 'Whether each device task waits for a confirmation (OTA Task → Confirm) before it starts',
	},
	needPush: {
		displayName: 'Need Push',
		name: 'needPush',
		type: 'boolean',
		default: true,
		description: 'Whether IoT Platform pushes the upgrade to the devices (off: devices ask for it)',
	},
	downloadProtocol: {
		displayName: 'Download Protocol',
		name: 'downloadProtocol',
		type: 'options',
		options: [
			{ name: 'HTTPS', value: 'HTTPS' },
			{ name: 'MQTT', value: 'MQTT' },
		],
		default: 'HTTPS',
	},
	scheduleTime: {
		displayName: 'Schedule Time',
		name: 'scheduleTime',
		type: 'dateTime',
		default: '',
		description: 'When the upgrade starts: 5 minutes to 7 days from now. Empty: at once.',
	},
	scheduleFinishTime: {
		displayName: 'Schedule Finish Time',
		name: 'scheduleFinishTime',
		type: 'dateTime',
		default: '',
		description: 'When the upgrade is ended: 1 hour to 30 days after Schedule Time',
	},
	maximumPerMinute: {
		displayName: 'Maximum per Minute',
		name: 'maximumPerMinute',
		type: 'number',
		default: 1000,
		typeOptions: { minValue: 0, maxValue: 1000 },
		description: 'At most this many devices are sent the download URL per minute (0 to 1,000)',
	},
	retryInterval: {
		displayName: 'Retry Interval (Minutes)',
		name: 'retryInterval',
		type: 'options',
		options: [0, 10, 30, 60, 1440].map((value) => ({ name: String(value), value })),
		default: 60,
		description: 'Minutes before a failed device upgrade is retried; needs Retry Count',
	},
	retryCount: {
		displayName: 'Retry Count',
		name: 'retryCount',
		type: 'options',
		options: [1, 2, 5].map((value) => ({ name: String(value), value })),
		default: 1,
		description: 'How often a failed device upgrade is retried; needs Retry Interval',
	},
	overwriteMode: {
		displayName: 'Overwrite Mode',
		name: 'overwriteMode',
		type: 'options',
		options: [
			{ name: 'Keep the Device’s Pending Task (1)', value: 1 },
			{ name: 'Replace the Device’s Pending Task (2)', value: 2 },
		],
		default: 1,
		description: 'Whether this job replaces a device’s earlier pending upgrade task (tasks upgrading now are never replaced)',
	},
	multiModuleMode: {
		displayName: 'Multi-Module Mode',
		name: 'multiModuleMode',
		type: 'boolean',
		default: false,
		description: 'Whether devices may upgrade several modules at once',
	},
};

/** The Options of a create: the job's own options, then the instance and how requests are sent. */
export function createOptions(names: string[]): INodeProperties {
	return operationOptions([...names.map((name) => JOB_OPTIONS[name]), TAGS_OPTION]);
}

export const VERIFY_OPTIONS = ['timeoutInMinutes', 'needConfirm', 'needPush', 'downloadProtocol'];
export const DYNAMIC_OPTIONS = ['maximumPerMinute', 'retryInterval', 'retryCount', 'timeoutInMinutes', 'overwriteMode', 'needPush', 'needConfirm', 'downloadProtocol', 'multiModuleMode'];
export const STATIC_OPTIONS = ['scheduleTime', 'scheduleFinishTime', ...DYNAMIC_OPTIONS];
