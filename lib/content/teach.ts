// The page side of teaching: the panel asks for one field at a time, the
// person clicks it on the page (lib/content/picker.ts), and the clicks become
// a recipe this script previews on the page. Nothing is stored here: the
// panel hands the recipe to the background, the only writer.
import type { ContentResponses, TeachPreviewOrder } from '../messaging/content';
import type { Platform } from '../orders/model';
import { buildRecipe, checkPick, type Pick } from '../platforms/recipe/build';
import { readByRecipe } from '../platforms/recipe/apply';
import { documentOf } from '../platforms/shadow';
import type { RecipeField } from '../platforms/recipe/types';
import { createPicker } from './picker';

// The picker's tip, in the page's own language family (the panel says the rest).
const TIPS: Record<'zh' | 'en', Record<RecipeField, string>> = {
  zh: { orderId: '订单号', total: '订单总额（实收款）', buyer: '买家', item: '商品名称', status: '订单状态', deadline: '付款倒计时' },
  en: { orderId: 'order number', total: 'order total', buyer: 'buyer', item: 'item title', status: 'status', deadline: 'payment countdown' },
};

function tipFor(field: RecipeField): string {
  const zh = /^zh/i.test(navigator.language);
  return zh ? `PayNudge：请点击这笔订单的「${TIPS.zh[field]}」· Esc 取消` : `PayNudge: click this order's ${TIPS.en[field]} · Esc cancels`;
}

type PickReply = ContentResponses['teach/pick'];

export function teachSession(doc: Document, platform: Platform) {
  const picker = createPicker(doc);
  let picks: Partial<Record<RecipeField, Pick>> = {};
  // The field the picker listens for; a click's answer waits in `answer` until the panel asks for it.
  let armed: RecipeField | undefined;
  let answer: { field: RecipeField; reply: PickReply } | undefined;
  let waiter: { field: RecipeField; resolve: (reply: PickReply) => void } | undefined;

  const deliver = (field: RecipeField, reply: PickReply) => {
    if (waiter?.field === field) {
      const { resolve } = waiter;
      waiter = undefined;
      resolve(reply);
    } else answer = { field, reply };
  };

  /** A step still waiting gives way (the person pressed skip, started over, or cancelled). */
  const release = (error: 'replaced' | 'cancelled') => {
    const w = waiter;
    waiter = undefined;
    answer = undefined;
    w?.resolve({ ok: false, error });
  };

  const end = () => {
    picker.stop();
    armed = undefined;
    release('cancelled');
    picks = {};
  };

  const handlers = {
    'teach/arm': ({ field }: { field: RecipeField }): ContentResponses['teach/arm'] => {
      if (platform === 'manual') return { ok: false, error: 'not-teaching' };
      release('replaced');
      // The number starts a new order: what was pointed at before belongs to another attempt.
      if (field === 'orderId') picks = {};
      armed = field;
      picker.start(tipFor(field), {
        onPick(el) {
          const checked = checkPick(field, el, platform, Date.now());
          if (!checked.ok) {
            // Still listening for this field: the person tries again.
            picker.refuse();
            return deliver(field, { ok: false, error: checked.error });
          }
          picks[field] = checked.pick;
          picker.stop();
          armed = undefined;
          deliver(field, { ok: true, field, text: checked.pick.text });
        },
        onCancel() {
          armed = undefined;
          picks = {};
          deliver(field, { ok: false, error: 'cancelled' });
        },
      });
      return { ok: true };
    },

    'teach/pick': ({ field }: { field: RecipeField }): Promise<PickReply> => {
      if (answer?.field === field) {
        const { reply } = answer;
        answer = undefined;
        return Promise.resolve(reply);
      }
      if (armed !== field) return Promise.resolve({ ok: false, error: 'replaced' });
      release('replaced');
      return new Promise<PickReply>((resolve) => (waiter = { field, resolve }));
    },

    'teach/preview': (): ContentResponses['teach/preview'] => {
      // A list drawn inside a shadow root is taught and read in that root's view, as readPage reads it (see shadow.ts).
      const within = picks.orderId ? documentOf(picks.orderId.el) : doc;
      const built = buildRecipe(within, picks, { platform, href: location.href, now: Date.now(), id: crypto.randomUUID() });
      if (!built.ok) return built;
      const read = readByRecipe(within, built.recipe, location.href, Date.now());
      const orders: TeachPreviewOrder[] = (read?.orders ?? []).slice(0, 50).map((o) => ({ orderId: o.orderId, buyer: o.buyer.nick, minor: o.amount.minor, currency: o.amount.currency }));
      return { ok: true, recipe: built.recipe, count: read?.orders.length ?? 0, unreadable: read?.unreadable ?? 0, orders };
    },

    'teach/end': (): ContentResponses['teach/end'] => {
      end();
      return { ok: true };
    },
  };

  return { handlers, destroy: end };
}
