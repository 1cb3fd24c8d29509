/** Terminal tables that fit a line width: shrinking columns, wrapping cells, spanning rows. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hangingIndent, renderTable, wrapText } from '../../src/report/table.js';

const width = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
/** The characters of a table's text, however it was wrapped (spaces and rules aside). */
const letters = (text: string) => [...text.replace(/[\s-]/g, '')].sort().join('');

test('wrapText: at spaces, long words at hyphens, list items whole', () => {
  assert.deepEqual(wrapText('a bb ccc dddd', 6), ['a bb', 'ccc', 'dddd']);
  assert.deepEqual(wrapText('prefers-someone-less-egoist', 12), ['prefers-', 'someone-', 'less-egoist']);
  assert.deepEqual(wrapText('parts/delegates{lotteries=true}', 20), ['parts/delegates', '{lotteries=true}']);
  assert.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
  // A lottery keeps each "action probability" together; a run keeps each "step →".
  assert.deepEqual(wrapText('a 0.37, bb 0.32, c 0.32', 9, true), ['a 0.37,', 'bb 0.32,', 'c 0.32']);
  assert.deepEqual(wrapText('rest → work → rest → …', 14, true), ['rest → work →', 'rest → …']);
  assert.deepEqual(wrapText('', 5), ['']);
});

test('hangingIndent: the first line after its label, the rest under the text', () => {
  assert.deepEqual(hangingIndent('gap  ', 'one two three four', 15), ['gap  one two', '     three four']);
});

test('renderTable without a width is the plain padded table', () => {
  assert.equal(renderTable(['a', 'bb'], [['xyz', '1']]), 'a    bb\n---  --\nxyz  1');
});

test('renderTable fits a width: headers wrap first, then the widest shrinkable cells, nothing lost', () => {
  const rows = [
    ['parts/weighted-utilitarian', 'dark-fantasies-love-leave-your-wife (+4 tied)', 'yes'],
    { span: 'sydney: B(H) = playful-shadow-self; 5 of 5 candidate behaviours accepted by some reading' },
    ['whole/learned', 'a 0.05, do-anything-now 0.16, playful-shadow-self 0.78', 'no'],
  ];
  const header = ['reading f', 'target', 'overrides B(H)?'];
  const plain = renderTable(header, rows);
  assert.ok(width(plain) > 60);
  const fitted = renderTable(header, rows, { width: 60, shrink: { 1: 12, 2: 8 }, lists: true });
  assert.ok(width(fitted) <= 60, fitted);
  assert.equal(letters(fitted), letters(plain));
  // The header of the narrow column wraps; the rule line spans the fitted columns.
  assert.match(fitted, /^reading f\s+target\s+overrides\n\s+B\(H\)\?\n-+ {2}-+ {2}-{9}\n/);
  assert.match(
    fitted,
    /\nsydney: B\(H\) = playful-shadow-self; 5 of 5 candidate\nbehaviours accepted by some reading\n/,
  );
});
