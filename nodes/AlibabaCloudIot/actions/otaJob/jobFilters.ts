import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { tryToParseDateTime } from 'n8n-workflow';

import { JOB_STATUSES, JOB_TYPES, SELECTION_TYPES, TARGET_SELECTIONS } from '../../api/otaEnums';
import { operationError } from '../../helpers/nodeErrors';
import { filtersCollection } from '../../helpers/properties/lists';
import type { OtaJobFilter } from './jobFilterMatch';

const LABELS: Record<string, string> = {
	PLANNED: 'Planned',
	IN_PROGRESS: 'In Progress',
	COMPLETED: 'Completed',
	CANCELED: 'Canceled',
	UPGRADE_FIRMWARE: 'Upgrade Firmware',
	VERIFY_FIRMWARE: 'Verify Firmware',
	STATIC: 'Static',
	DYNAMIC: 'Dynamic',
	ALL: 'All Devices',
	SPECIFIC: 'Specific Devices',
	GRAY: 'Gray (Canary) Release',
};

const choices = (values: readonly string[]) => values.map((value) => ({ name: LABELS[value], value }));

/** The "Filters" collection: ListOTAJobByFirmware has no server-side filter, so the node filters. */
export const JOB_FILTERS: INodeProperties = filtersCollection(
	'Applied before the limit: with a limit, the node reads on until it has that many matching jobs',
	[
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: 'Only jobs created (UtcCreate) at or after this time; UTC unless it carries an offset',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Only jobs created (UtcCreate) before this time; UTC unless it carries an offset',
		},
		{
			displayName: 'Job Status',
			name: 'jobStatus',
			type: 'multiOptions',
			options: choices(JOB_STATUSES),
			default: [],
			description: 'Only jobs in one of these states',
		},
		{
			displayName: 'Job Type',
			name: 'jobType',
			type: 'multiOptions',
			options: choices(JOB_TYPES),
			default: [],
			description: 'Only verification jobs or only upgrade jobs',
		},
		{
			displayName: 'Selection Type',
			name: 'selectionType',
			type: 'multiOptions',
			options: choices(SELECTION_TYPES),
			default: [],
			description: 'Only static or only dynamic upgrade jobs',
		},
		{
			displayName: 'Target Selection',
			name: 'targetSelection',
			type: 'multiOptions',
			options: choices(TARGET_SELECTIONS),
			default: [],
			description: 'Only jobs that target all devices, specific devices, or a gray release',
		},
	],
);

export function readJobFilter(context: IExecuteFunctions, itemIndex: number): OtaJobFilter {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : value ? [String(value)] : []);
	const time = (value: unknown, label: string) => {
		if (value === undefined || value === null || value === '') return undefined;
		const millis = toMillis(value);
		if (millis === undefined) {
			throw operationError(
				context.getNode(),
				`${label} is not a valid date (item ${itemIndex}): "${String(value)}"`,
				itemIndex,
				'Use an ISO 8601 time such as 2024-05-01T00:00:00Z.',
			);
		}
		return millis;
	};
	return {
		jobStatuses: list(filters.jobStatus),
		jobTypes: list(filters.jobType),
		selectionTypes: list(filters.selectionType),
		targetSelections: list(filters.targetSelection),
		createdAfter: time(filters.createdAfter, 'Created After'),
		createdBefore: time(filters.createdBefore, 'Created Before'),
	};
}

/**
 * What n8n's date fields and expressions produce (strings, Dates, Luxon DateTimes, epoch ms) as epoch ms;
 * a time without an offset is UTC, as UtcCreate is.
 */
function toMillis(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	try {
		const millis = tryToParseDateTime(value, 'UTC').toMillis();
		return Number.isFinite(millis) ? millis : undefined;
	} catch {
		return undefined;
	}
}
