import type { INodeProperties } from 'n8n-workflow';

/**
 * A field revealed by a boolean toggle, as n8n's AWS credential does it, for a field that credentials
 * saved before the toggle existed may already hold.
 *
 * Why not the plain AWS shape: before the node sees a credential, n8n fills in the default of every
 * absent field and drops every field its display options hide (`NodeHelpers.getNodeParameters(
 * properties, data, true, false)` in the CLI's credentials helper). A credential saved without the
 * toggle would get the toggle's default, `false`, and lose the field it depends on.
 *
 * So the toggle is defined twice under one name, and which definition applies depends on whether
 * the field is filled: empty, the toggle defaults to off (a new credential); filled, it defaults to
 * on (an old credential keeps its value, and shows the toggle on). An explicit `false` always wins,
 * and then n8n drops the hidden field. The field comes before its toggle on purpose: n8n resolves a
 * credential's fields in that order, and the toggle's choice needs the field's value.
 */
export function toggledField(
	toggle: Pick<INodeProperties, 'displayName' | 'name' | 'description'>,
	field: INodeProperties,
): INodeProperties[] {
	const filled = { [`/${field.name}`]: [{ _cnd: { exists: true as const } }] };
	return [
		{ ...field, displayOptions: { show: { [toggle.name]: [true] } } },
		{ ...toggle, type: 'boolean', default: false, displayOptions: { hide: filled } },
		{ ...toggle, type: 'boolean', default: true, displayOptions: { show: filled } },
	];
}
