import { MAX_TASKS_LISTED } from '../../api/limits';
import { listOtaTasksByJob } from '../../api/otaTasks';
import { PagingCapError } from '../../api/paging';
import { operationError, toNodeError } from '../../helpers/nodeErrors';
import { iotActionExecute } from '../../helpers/perItem';
import { readJobId, readLimit } from '../../helpers/parameterReaders';
import { jobIdProperty } from '../../helpers/properties/identifiers';
import { RETURN_ALL_AND_LIMIT } from '../../helpers/properties/lists';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { readTaskFilter, TASK_FILTERS } from './taskFilters';

const displayOptions = { show: { resource: ['otaTask'], operation: ['listByJob'] } };

const CAP = MAX_TASKS_LISTED.toLocaleString('en-US');

export const description = withDisplayOptions(displayOptions, [
	{
		...jobIdProperty('The OTA job (batch) whose device upgrade tasks to list: its JobId'),
		hint: `Alibaba Cloud lists at most the first ${CAP} tasks of a job (or of a filtered selection)`,
	},
	...RETURN_ALL_AND_LIMIT,
	TASK_FILTERS,
	operationOptions(),
]);

/** ListOTATaskByJob: one item per device task. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({
		jobId: readJobId(context, itemIndex),
		limit: readLimit(context, itemIndex),
		...readTaskFilter(context, itemIndex),
	}),
	async (call, request, { context, itemIndex }) => {
		try {
			return await listOtaTasksByJob(call, request);
		} catch (error) {
			if (!(error instanceof PagingCapError)) throw toNodeError(context.getNode(), error, itemIndex);
			throw operationError(
				context.getNode(),
				`This job has ${error.total.toLocaleString('en-US')} matching tasks, and Alibaba Cloud lists only the first ${CAP} ` +
					`(ListOTATaskByJob allows CurrentPage × PageSize ≤ ${CAP}) (item ${itemIndex})`,
				itemIndex,
				`Narrow the list with the Task Status or Device Names filter, or turn off Return All and set a Limit of at most ${CAP}.`,
			);
		}
	},
);
