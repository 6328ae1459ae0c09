/**
 * Removes what must never reach a user, a log or an output item: signed URLs, signature and
 * token parameters, and the server's echo of the string to sign. Every text taken from an answer
 * (a JSON message, a page's title or first characters, a header) or from pop-core passes here,
 * whatever the endpoint is: a proxy in front of Alibaba may echo the whole signed request.
 */
const STRING_TO_SIGN_ECHO = /\s*server string to sign is:[\s\S]*$/i;
const URL_WITH_QUERY = /\bhttps?:\/\/[^\s"'<>]*\?[^\s"'<>]*/gi;
const SENSITIVE_NAMES = 'Signature|SignatureNonce|SecurityToken|AccessKeyId|AccessKeySecret';
/** `Name=value` in a query string, raw or percent-encoded once or twice (`%3D`, `%253D`). */
const SENSITIVE_PAIRS = new RegExp(`(${SENSITIVE_NAMES})(=|%3D|%253D)[^&\\s"'<>]*`, 'gi');
/** `"Name": "value"` in an echoed JSON body, or `Name: value` in an echoed header. */
const SENSITIVE_FIELDS = new RegExp(`(${SENSITIVE_NAMES})("?\\s*:\\s*"?)[^&\\s"'<>,}]*`, 'gi');

export function redactText(text: string, secrets: readonly string[] = []): string {
	let clean = text
		.replace(STRING_TO_SIGN_ECHO, '')
		.replace(URL_WITH_QUERY, '[redacted URL]')
		.replace(SENSITIVE_PAIRS, '$1$2[redacted]')
		.replace(SENSITIVE_FIELDS, '$1$2[redacted]');
	for (const secret of secrets) {
		if (secret.length < 4) continue; // too short to be a real secret, and would shred the text
		for (const form of encodedForms(secret)) {
			clean = clean.split(form).join('[redacted]');
		}
	}
	return clean;
}

/** The secret as it may appear: raw, URL-encoded, RFC 3986-encoded (as signed), and each twice. */
function encodedForms(secret: string): Set<string> {
	const once = [secret, encodeURIComponent(secret), rfc3986(secret)];
	return new Set([...once, ...once.map(encodeURIComponent)]);
}

function rfc3986(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
