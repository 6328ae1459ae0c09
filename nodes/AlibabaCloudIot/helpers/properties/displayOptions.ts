import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * The one way a property gets its displayOptions, as n8n's own `updateDisplayOptions`: factories
 * describe a property without them, and each operation wraps its list with its resource and
 * operation. A property's own conditions (Limit only without Return All) are kept: each of
 * show/hide is merged by parameter name, so nested calls add up.
 */
export function withDisplayOptions(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({ ...property, displayOptions: merged(property.displayOptions, displayOptions) }));
}

function merged(own: IDisplayOptions | undefined, added: IDisplayOptions): IDisplayOptions {
	const result: IDisplayOptions = { ...own, ...added };
	if (own?.show && added.show) result.show = { ...own.show, ...added.show };
	if (own?.hide && added.hide) result.hide = { ...own.hide, ...added.hide };
	return result;
}
