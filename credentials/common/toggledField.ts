import type { INodeProperties } from 'n8n-workflow';

/**
 * What n8n hands the node as the toggle of a credential saved before the toggle existed, when the
 * field behind it holds a value: anything but `false` counts as on.
 */
export const ON_AS_SAVED_BEFORE_THE_TOGGLE = 'savedBeforeTheToggle';

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
 * the field is filled. Empty: the toggle defaults to off (a new credential). Filled: it defaults to
 * ON_AS_SAVED_BEFORE_THE_TOGGLE, which keeps the field shown, hence kept. An explicit `false` always
 * wins, and then n8n drops the hidden field. That default is not `true` because n8n stores a
 * credential without the values equal to their defaults, and the editor fills in a missing value
 * with the first definition's default (off): a toggle switched on must be stored as `true`.
 *
 * The toggle refers to its field by its plain name (not as `/field`), which makes the field a
 * dependency: n8n then resolves the toggle again once the field's value is known, so the right
 * definition applies even though the toggle comes first in the form.
 */
export function toggledField(
	toggle: Pick<INodeProperties, 'displayName' | 'name' | 'description'>,
	field: INodeProperties,
): INodeProperties[] {
	const filled = { [field.name]: [{ _cnd: { exists: true as const } }] };
	return [
		{ ...toggle, type: 'boolean', default: false, displayOptions: { hide: filled } },
		{ ...toggle, type: 'boolean', default: ON_AS_SAVED_BEFORE_THE_TOGGLE, displayOptions: { show: filled } },
		{ ...field, displayOptions: { show: { [toggle.name]: [{ _cnd: { not: false } }] } } },
		// n8n's editor fills a missing toggle with the first definition's default (off), so it shows a
		// credential saved before the toggle existed with the toggle off and the field hidden; saving
		// it like that would drop the field (n8n stores no field it hides). Say so while that is the case.
		{
			displayName: `${field.displayName} is filled in but not used while ${toggle.displayName} is off. A credential saved before this switch existed used it: switch ${toggle.displayName} on to keep using it.`,
			name: `${toggle.name}Notice`,
			type: 'notice',
			default: '',
			displayOptions: { show: { [toggle.name]: [false], ...filled } },
		},
	];
}
