import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, OperationalError, UnexpectedError } from 'n8n-workflow';

import type { HarnessCredentials } from './types';

/**
 * Stands in for n8n's database-backed credentials helper: `getDecrypted` hands out the test's
 * credential data by credential type, which is all `this.getCredentials(type)` needs.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: HarnessCredentials = {}) {
		super();
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (data === undefined) {
			// n8n's CredentialNotFoundError: same wording, a warning-level error.
			throw new OperationalError(
				`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`,
			);
		}
		// n8n decrypts a fresh object per call; a copy keeps one node's mutation out of the next call.
		return { ...data };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	// No credential type definitions are loaded, so there is no `authenticate` block to apply.
	async authenticate(
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new UnexpectedError('The harness stores no encrypted credentials; use getDecrypted');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return [];
	}
}
