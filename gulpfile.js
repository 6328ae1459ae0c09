const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits only JavaScript: n8n also needs the icons and codex files next to the compiled nodes.
// Each copy is its own task, so gulp waits for every stream before it reports done.
const copy = (from, to, options = {}) => {
	const copyTask = () => src(path.resolve(from), { encoding: false, allowEmpty: true, ...options }).pipe(dest(path.resolve(to)));
	copyTask.displayName = `copy ${from}`;
	return copyTask;
};

task(
	'build:icons',
	parallel(
		copy('nodes/**/*.{png,svg}', 'dist/nodes'),
		copy('nodes/**/*.node.json', 'dist/nodes', { encoding: 'utf8' }),
		copy('credentials/**/*.{png,svg}', 'dist/credentials'),
	),
);
