// Lint wikitext files with wikilint (wikiparser-node's linter), English Wikipedia config.
//
//   node benchmarks/wikilint_run.mjs WIKILINT_DIR FILE...
//
// WIKILINT_DIR is a folder where `npm install wikilint` was run (it holds node_modules/wikilint).
// Prints one JSON object per finding on stdout: file, rule, severity, message, and 1-based
// start/end line and column (columns count UTF-16 code units, as wikilint does), plus the
// 0-based UTF-16 start/end index. The version and the time spent linting (wall clock and CPU)
// go to stderr as one JSON line.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [dir, ...files] = process.argv.slice(2);
if (!dir || files.length === 0) {
	console.error('usage: node wikilint_run.mjs WIKILINT_DIR FILE...');
	process.exit(2);
}
const require = createRequire(resolve(dir) + '/');
const Parser = require('wikilint');
const { version } = require('wikilint/package.json');
Parser.config = 'enwiki';
// As wikilint's own CLI does: no edit info, which the comparison does not need.
Parser.lintConfig.computeEditInfo = false;

let elapsed = 0n;
let cpu = 0;
for (const file of files) {
	const text = readFileSync(file, 'utf8');
	const start = process.hrtime.bigint();
	const startCpu = process.cpuUsage();
	const problems = Parser.lint(text, false);
	const usage = process.cpuUsage(startCpu);
	cpu += (usage.user + usage.system) / 1e6;
	elapsed += process.hrtime.bigint() - start;
	for (const p of problems) {
		console.log(JSON.stringify({
			file,
			rule: p.rule,
			severity: p.severity,
			message: p.message,
			startLine: p.startLine + 1,
			startCol: p.startCol + 1,
			endLine: p.endLine + 1,
			endCol: p.endCol + 1,
			startIndex: p.startIndex,
			endIndex: p.endIndex,
		}));
	}
}
console.error(JSON.stringify({
	version, files: files.length, seconds: Number(elapsed) / 1e9, cpuSeconds: cpu,
}));
