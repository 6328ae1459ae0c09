/**
 * Removes what must never reach a user, a log or an output item: signed URLs, signature and
 * token parameters, and the server's echo of the string to sign.
 */
const STRING_TO_SIGN_ECHO = /\s*server string to sign is:[\s\S]*$/i;
const URL_WITH_QUERY = /\bhttps?:\/\/[^\s"']*\?[^\s"']*/gi;
const SENSITIVE_PAIRS =
	/\b(Signature|SignatureNonce|SecurityToken|AccessKeyId|AccessKeySecret)(=|%3D)[^&\s"']*/gi;

export function redactText(text: string, secrets: readonly string[] = []): string {
	let clean = text
		.replace(STRING_TO_SIGN_ECHO, '')
		.replace(URL_WITH_QUERY, '[redacted URL]')
		.replace(SENSITIVE_PAIRS, '$1$2[redacted]');
	for (const secret of secrets) {
		if (secret.length < 4) continue; // too short to be a real secret, and would shred the text
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			clean = clean.split(form).join('[redacted]');
		}
	}
	return clean;
}
