const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript: n8n also needs the icons next to the compiled node and credential.
task('build:icons', copyIcons);

function copyIcons() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg}');
	const nodeDestination = path.resolve('dist', 'nodes');
	src(nodeSource, { encoding: false }).pipe(dest(nodeDestination));

	const codexSource = path.resolve('nodes', '**', '*.node.json');
	src(codexSource).pipe(dest(nodeDestination));

	const credSource = path.resolve('credentials', '**', '*.{png,svg}');
	const credDestination = path.resolve('dist', 'credentials');
	return src(credSource, { encoding: false, allowEmpty: true }).pipe(dest(credDestination));
}
