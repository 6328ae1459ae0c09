/**
 * The credential form's fields: the name a saved credential keys its value by, and the label the
 * form shows. The form (AlibabaCloudIotApi.credentials.ts) and the code that reads a saved
 * credential and names a field in its errors (transport/iotCredentials.ts) both take them from here.
 */
export const CREDENTIAL_FIELDS = {
	accessKeyId: { name: 'accessKeyId', displayName: 'AccessKey ID' },
	accessKeySecret: { name: 'accessKeySecret', displayName: 'AccessKey Secret' },
	temporaryCredentials: { name: 'temporaryCredentials', displayName: 'Temporary Credentials (STS)' },
	securityToken: { name: 'securityToken', displayName: 'Security Token' },
	regionId: { name: 'regionId', displayName: 'Region' },
	customEndpoint: { name: 'customEndpoint', displayName: 'Custom Endpoint' },
	endpoint: { name: 'endpoint', displayName: 'Endpoint' },
	maxRequestsPerSecond: { name: 'maxRequestsPerSecond', displayName: 'Max Requests per Second' },
	accountId: { name: 'accountId', displayName: 'Account ID' },
} as const;

export type CredentialField = (typeof CREDENTIAL_FIELDS)[keyof typeof CREDENTIAL_FIELDS];
