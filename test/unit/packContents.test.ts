// What `npm publish` would ship: the built dist only (plus the files npm always adds), nothing for
// developers. Reads the real `npm pack --dry-run` list, so it needs `npm run build` first (CI builds before testing).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** npm adds these whatever "files" says. */
const ALWAYS_PACKED = new Set(['package.json', 'README.md', 'LICENSE']);
/** What n8n loads: compiled code, codex and other JSON, icons. */
const SHIPPED_IN_DIST = /^dist\/(credentials|nodes)\/.+\.(js|json|svg|png)$/;

function packedFiles(): string[] {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
	const [info] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
	return info.files.map((file) => file.path).sort();
}

describe('npm pack --dry-run', () => {
	const built = existsSync(join(ROOT, 'dist', 'nodes'));
	const files = built ? packedFiles() : [];

	it('has a build to pack', () => {
		expect({ built, hint: 'run `npm run build` before this test' }).toEqual({ built: true, hint: expect.any(String) });
	});

	it('ships only dist code, codex and icons besides package.json, README and LICENSE', () => {
		const stray = files.filter((file) => !ALWAYS_PACKED.has(file) && !SHIPPED_IN_DIST.test(file));
		expect(stray).toEqual([]);
	});

	it('ships no tests, source maps or declarations', () => {
		expect(files.filter((file) => /\.test\.|\.map$|\.d\.ts$|\.ts$|(^|\/)test\//.test(file))).toEqual([]);
	});

	it('ships every node and credential n8n loads from the package.json n8n section', () => {
		const { n8n } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		expect([...n8n.nodes, ...n8n.credentials].filter((file) => !files.includes(file))).toEqual([]);
	});
});
