import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

export type NodeTypeMap = Record<string, INodeType | IVersionedNodeType>;

/** The engine looks node types up by the `type` string of each workflow node. */
export function createNodeTypes(types: NodeTypeMap): INodeTypes {
	const lookUp = (name: string) => {
		const type = types[name];
		if (type === undefined) throw new UnexpectedError(`Unknown node type "${name}" in the harness`);
		return type;
	};
	return {
		getByName: lookUp,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(lookUp(name), version),
		getKnownTypes: () => {
			const known: IDataObject = {};
			for (const name of Object.keys(types)) known[name] = { className: name, sourcePath: '' };
			return known;
		},
	};
}

/** The version a newly added node gets in the editor: the default one, else the latest. */
export function defaultVersionOf(type: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in type) return type.currentVersion;
	const { version, defaultVersion } = type.description;
	if (defaultVersion !== undefined) return defaultVersion;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export function typeNameOf(type: INodeType | IVersionedNodeType): string {
	return type.description.name;
}
