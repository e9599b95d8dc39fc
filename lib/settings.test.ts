import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema, readSettings, shopVars } from './settings';

describe('shop facts', () => {
  it('hands the set facts of a platform to the templates, and nothing for an unset one', () => {
    const settings = readSettings({
      shops: {
        taobao: { shopName: '小雨家居', signature: '阿杰', shipsTodayCutoff: '16:00', returnPolicy: '7天无理由退货', gift: '一双袜子' },
        aliexpress: { shopName: 'Rain Home', signature: '', shipsTodayCutoff: '', returnPolicy: ' ', gift: '' },
      },
    });
    expect(shopVars(settings, 'taobao')).toEqual({ shop: '小雨家居', seller: '阿杰', cutoff: '16:00', returns: '7天无理由退货', gift: '一双袜子' });
    expect(shopVars(settings, 'aliexpress')).toEqual({ shop: 'Rain Home' });
    expect(shopVars(settings, 'pdd')).toEqual({});
  });

  it('accepts a cut-off only as a time of day', () => {
    const withCutoff = (shipsTodayCutoff: string) => SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, shops: { pdd: { shopName: '', signature: '', shipsTodayCutoff } } }).success;
    expect(withCutoff('09:30')).toBe(true);
    expect(withCutoff('')).toBe(true);
    expect(withCutoff('24:00')).toBe(false);
    expect(withCutoff('4pm')).toBe(false);
  });

  it('reads settings stored before shop facts existed', () => {
    expect(shopVars(readSettings({ shops: { shopee: { shopName: 'A', signature: 'B' } } }), 'shopee')).toEqual({ shop: 'A', seller: 'B' });
  });
});
