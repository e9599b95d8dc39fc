// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { shortTexts, textNodes } from './fields';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** What the structural reader searched before: every text of the block listed, the short ones joined. */
const listed = (scope: Element[], max: number) =>
  scope
    .flatMap((s) => textNodes(s))
    .filter((t) => t.text.length <= max)
    .map((t) => t.text)
    .join(' ');

describe('shortTexts', () => {
  it('joins the page texts of a block with nested elements, leaving out scripts, styles, form fields and long notes', () => {
    const doc = parse(`<body><div id="o">
      <div>Order No. <b>2358  764510</b><i>02019725</i></div>
      <script>var total = "US $9.00";</script><style>.x{}</style>
      <select><option>Awaiting shipment</option></select><textarea>draft</textarea>
      <p>Created:
         2026-11-20 14:03</p><p>${'long note '.repeat(30)}</p>
      <div><span>Awaiting payment</span><span>Auto-cancels in 47h 30m</span></div>
    </div></body>`);
    const block = [doc.getElementById('o')!];
    const text = shortTexts(block, 200);
    expect(text).toBe('Order No. 2358 764510 02019725 Created: 2026-11-20 14:03 Awaiting payment Auto-cancels in 47h 30m');
    expect(text).toBe(listed(block, 200));
  });

  it('gives what the listed texts give over several rows, a text past 1000 characters cut before it is measured', () => {
    const doc = parse(`<body><table><tbody>
      <tr id="a"><td>订单号 261123-384685998833090</td><td>${'好'.repeat(1500)}</td></tr>
      <tr id="b"><td>实收款 <span>¥131.00</span></td><td>待支付</td></tr>
    </tbody></table></body>`);
    const rows = [doc.getElementById('a')!, doc.getElementById('b')!];
    for (const max of [200, 1000, 2000]) expect(shortTexts(rows, max)).toBe(listed(rows, max));
    expect(shortTexts(rows, 2000)).toContain('好'.repeat(1000));
    expect(shortTexts(rows, 2000)).not.toContain('好'.repeat(1001));
  });

  it('is empty for a block without page text', () => {
    const doc = parse('<body><div id="o"> <script>1</script> <img alt="x"> </div></body>');
    expect(shortTexts([doc.getElementById('o')!], 200)).toBe('');
  });
});
