import type { INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../nodes/AlibabaCloudIot/helpers/properties/displayOptions';

const text = (name: string, displayOptions?: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
	...(displayOptions && { displayOptions }),
});

describe('withDisplayOptions', () => {
	const operation = { show: { resource: ['otaJob'], operation: ['createStatic'] } };

	it('shows every property only for the operation', () => {
		expect(withDisplayOptions(operation, [text('a'), text('b')]).map((property) => property.displayOptions)).toEqual([operation, operation]);
	});

	it("keeps a property's own conditions beside the operation's, and nested calls add up", () => {
		const [limit] = withDisplayOptions(operation, [text('limit', { show: { returnAll: [false] }, hide: { mode: ['x'] } })]);
		expect(limit.displayOptions).toEqual({ show: { returnAll: [false], ...operation.show }, hide: { mode: ['x'] } });
		const [gray] = withDisplayOptions(operation, withDisplayOptions({ show: { targetSelection: ['GRAY'] } }, [text('grayPercent')]));
		expect(gray.displayOptions).toEqual({ show: { targetSelection: ['GRAY'], resource: ['otaJob'], operation: ['createStatic'] } });
	});

	it('leaves the properties it was given as they were', () => {
		const own = text('a', { show: { returnAll: [false] } });
		withDisplayOptions(operation, [own]);
		expect(own.displayOptions).toEqual({ show: { returnAll: [false] } });
	});
});
