// `n8n execute --rawOutput` prints log lines, then the run as pretty-printed JSON. A failed run is
// instead logged (after a "HH:MM:SS.mmm  info  " prefix, colours, and the logger's metadata after
// the closing brace), followed by an error block. The run is the first such object.

const ANSI_COLOURS = /\x1b\[[0-9;]*m/g;
const OPENING_LINE = /^(?:\d{2}:\d{2}:\d{2}\.\d+\s+[a-z]+\s+)?\{$/;

export function firstTopLevelJson(output: string): unknown {
	const lines = output.replace(ANSI_COLOURS, '').split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (!OPENING_LINE.test(lines[start])) continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (!lines[end].startsWith('}')) continue;
			try {
				return JSON.parse(['{', ...lines.slice(start + 1, end), '}'].join('\n')) as unknown;
			} catch {
				// Not this closing brace (or not a JSON object at all): keep looking.
			}
		}
	}
	return undefined;
}
