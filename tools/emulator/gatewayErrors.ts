// The API gateway's own errors (before the IoT service sees a request): Code -> usual HTTP status and Message.
// Messages are Alibaba's where we have seen them in public issue threads; the rest are marked unconfirmed.

interface GatewayErrorSpec {
	httpStatus: number;
	message: string;
}

export const GATEWAY_ERRORS = {
	'InvalidParameter.Format': {
		httpStatus: 400,
		// The live service also speaks XML (its default when Format is absent); this emulator answers JSON only.
		message: 'Specified parameter Format is not valid. The emulator answers Format=JSON only.',
	},
	InvalidSignatureMethod: { httpStatus: 400, message: 'Specified signature method is not supported.' }, // unconfirmed
	InvalidSignatureVersion: { httpStatus: 400, message: 'Specified signature version is not supported.' }, // unconfirmed
	InvalidVersion: { httpStatus: 400, message: 'Specified parameter Version is not valid.' },
	'InvalidAction.NotFound': { httpStatus: 404, message: 'Specified api is not found, please check your url and method.' },
	'InvalidTimeStamp.Format': { httpStatus: 400, message: 'Specified time stamp or date value is not well formatted.' },
	'InvalidTimeStamp.Expired': { httpStatus: 400, message: 'Specified time stamp or date value is expired.' },
	'InvalidAccessKeyId.NotFound': { httpStatus: 404, message: 'Specified access key is not found.' },
	'InvalidAccessKeyId.Inactive': { httpStatus: 400, message: 'Specified access key is disabled.' },
	MissingSecurityToken: { httpStatus: 400, message: 'SecurityToken is mandatory for this action.' },
	'InvalidSecurityToken.Malformed': { httpStatus: 400, message: 'Specified SecurityToken is malformed.' },
	'InvalidSecurityToken.Expired': { httpStatus: 400, message: 'Specified SecurityToken is expired.' },
	'InvalidSecurityToken.MismatchWithAccessKey': {
		httpStatus: 400,
		message: 'Specified SecurityToken mismatch with the AccessKey.',
	},
	SignatureDoesNotMatch: {
		httpStatus: 400,
		message: 'Specified signature is not matched with our calculation. server string to sign is:',
	},
	SignatureNonceUsed: { httpStatus: 400, message: 'Specified signature nonce was used already.' },
	'Forbidden.RAM': {
		httpStatus: 403,
		message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
	},
	'Throttling.User': { httpStatus: 400, message: 'Request was denied due to user flow control.' },
	ServiceUnavailable: { httpStatus: 503, message: 'The request has failed due to a temporary failure of the server.' },
	InternalError: {
		httpStatus: 500,
		message: 'The request processing has failed due to some unknown error, exception or failure.',
	},
	'InvalidUrl.NotFound': { httpStatus: 404, message: 'Specified url is not found; RPC requests go to "/".' }, // unconfirmed
	UnsupportedHTTPMethod: { httpStatus: 405, message: 'Specified http method is not supported; use GET or POST.' }, // unconfirmed
} as const satisfies Record<string, GatewayErrorSpec>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;
