import type { INodeProperties } from 'n8n-workflow';

import { cancelOtaDynamicJob } from '../../api/otaStrategyCancel';
import { iotActionExecute } from '../../helpers/perItem';
import { readJobId } from '../../helpers/parameterReaders';
import { jobIdProperty } from '../../helpers/properties/identifiers';
import { operationOptions } from '../../helpers/properties/operationOptions';

const showFor = { show: { resource: ['otaJob'], operation: ['cancelDynamic'] } };

export const description: INodeProperties[] = [
	jobIdProperty('The dynamic OTA job whose upgrade policy to cancel: its JobId', showFor),
	operationOptions(showFor),
];

/** CancelOTAStrategyByJob: the job becomes CANCELED; after a lost answer, QueryOTAJob decides. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({ jobId: readJobId(context, itemIndex) }),
	cancelOtaDynamicJob,
);
