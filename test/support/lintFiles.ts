// A developer's aid: `node --import tsx test/support/lintFiles.ts FILE...` prints each file's diagnostics.
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestService } from './fakeHost';

const service = createTestService();
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  for (const d of service.validate(TextDocument.create(`file://${file}`, 'xml', 1, text)))
    console.log(`${file.split('/').pop()}:${d.range.start.line + 1} ${['', 'E', 'W', 'I', 'H'][d.severity!]} ${d.code} ${d.message}`);
}
