import { describe, expect, it } from 'vitest';
import { httpsLink } from './links';

const BASE = 'https://mms.pinduoduo.com/orders/list?tab=1';
// What the adapters did before: parse every link (an empty one is none).
const parsed = (href: string) => {
  if (!href) return undefined;
  try {
    const resolved = new URL(href, BASE).href;
    return resolved.startsWith('https://') ? resolved : undefined;
  } catch {
    return undefined;
  }
};

describe('https links', () => {
  it('gives what the URL parser gives, for addresses it leaves alone and for those it rewrites', () => {
    const hrefs = [
      'https://mms.pinduoduo.com/chat-merchant/index.html#/?orderSn=261123-384685998833090',
      'https://a.b.example/x?y=1&z=2#frag/with?marks',
      'https://MMS.pinduoduo.com/chat',
      'https://mms.pinduoduo.com',
      'https://mms.pinduoduo.com:443/x',
      'https://mms.pinduoduo.com/a/../b',
      'https://mms.pinduoduo.com/a/./b',
      'https://mms.pinduoduo.com/a/%2e%2E/b',
      'https://mms.pinduoduo.com/a/..',
      'https://mms.pinduoduo.com/a b',
      "https://mms.pinduoduo.com/x?q='1'",
      'https://mms.pinduoduo.com/x^y{z}',
      'https://mms.pinduoduo.com/x\\y',
      'https://mms.pinduoduo.com/x\ty',
      'https://xn--a.com/',
      'https://xn--fiqs8s.com/x',
      'https://1.2.3/x',
      'https://0x7f.1/x',
      'https://a..b.com/',
      'https://-a-.com/%zz%41',
      'https://a.com/x#a#b`c',
      'http://mms.pinduoduo.com/chat',
      '/chat-merchant/index.html#/?orderSn=1',
      'chat?x=1',
      'javascript:alert(1)',
      'https://[::1]/x',
      'https://user:pw@a.com/x',
      '',
    ];
    for (const href of hrefs) expect(httpsLink(href, BASE), href).toBe(parsed(href));
    expect(httpsLink(null, BASE)).toBeUndefined();
  });

  it('gives what the parser gives for paths from the site\'s root, whatever the page\'s address', () => {
    const paths = ['/chat-merchant/index.html#/?orderSn=261123-384685998833090', '/a/../b', '/a/%2E/b', '/x y', '/x^y', "/x?q='1'", '/x#a`b', '//evil.example/x', '/\\evil', '/'];
    const bases = [BASE, 'https://MMS.pinduoduo.com/orders', 'https://mms.pinduoduo.com:443/x', 'https://mms.pinduoduo.com:8443/x', 'https://user:pw@mms.pinduoduo.com/x', 'http://mms.pinduoduo.com/x', 'https://xn--fiqs8s.com/x', 'https://1.2.3.4/x'];
    for (const base of bases)
      for (const href of paths) {
        let want: string | undefined;
        try {
          const resolved = new URL(href, base).href;
          want = resolved.startsWith('https://') ? resolved : undefined;
        } catch {
          want = undefined;
        }
        expect(httpsLink(href, base), `${href} on ${base}`).toBe(want);
      }
  });
});
