import { cancelOtaDynamicJob } from '../../api/otaStrategyCancel';
import { iotActionExecute } from '../../helpers/perItem';
import { readJobId } from '../../helpers/parameterReaders';
import { jobIdProperty } from '../../helpers/properties/identifiers';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';

const displayOptions = { show: { resource: ['otaJob'], operation: ['cancelDynamic'] } };

export const description = withDisplayOptions(displayOptions, [
	jobIdProperty('The dynamic OTA job whose upgrade policy to cancel: its JobId'),
	operationOptions(),
]);

/** CancelOTAStrategyByJob: the job becomes CANCELED; after a lost answer, QueryOTAJob decides. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({ jobId: readJobId(context, itemIndex) }),
	cancelOtaDynamicJob,
);
