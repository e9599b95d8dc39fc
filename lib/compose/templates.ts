// The built-in reminder templates: our own writing, for Taobao/Tmall-style
// chat (the familiar 亲 is normal there). Placeholders are {{name}}; a
// template whose placeholders cannot all be filled is never offered.

export type Style = 'friendly' | 'playful' | 'incentive' | 'doubt' | 'notice';
export type Round = 'first' | 'second' | 'last';
export type CustomerType = 'new' | 'returning';

export interface Template {
  id: string;
  lang: 'zh-CN';
  style: Style;
  /** Rounds it fits; a second reminder must not repeat the first. */
  rounds: readonly Round[];
  customer?: CustomerType;
  /** Short label shown above the text in the panel. */
  label: string;
  body: string;
}

export const BUILTIN_TEMPLATES: readonly Template[] = [
  {
    id: 'zh-first-friendly',
    lang: 'zh-CN',
    style: 'friendly',
    rounds: ['first'],
    label: '首次提醒 · 亲切',
    body: '亲，{{buyer}}您好～看到您拍下的「{{item}}」还没有付款，是不是忘记啦？订单{{amount}}，付款后我们会尽快给您安排发货哦。',
  },
  {
    id: 'zh-first-doubt',
    lang: 'zh-CN',
    style: 'doubt',
    rounds: ['first', 'second'],
    label: '解答疑虑',
    body: '{{buyer}}您好，您拍下的「{{item}}」还在等您付款。如果对尺码、材质或发货时间还有疑问，直接在这里问我就好，帮您确认清楚再付款也不迟～',
  },
  {
    id: 'zh-first-incentive',
    lang: 'zh-CN',
    style: 'incentive',
    rounds: ['first'],
    customer: 'new',
    label: '优先发货',
    body: '亲，「{{item}}」最近库存比较紧，今天付款的订单我们会优先打包发出。{{amount}}的订单已经帮您留着了，付款后马上安排～',
  },
  {
    id: 'zh-first-playful',
    lang: 'zh-CN',
    style: 'playful',
    rounds: ['first'],
    label: '俏皮 · 宝贝说话',
    body: '叮咚～我是您刚拍下的「{{item}}」，行李已经收拾好啦，就等您点一下付款带我回家了，{{buyer}}别让我等太久哦！',
  },
  {
    id: 'zh-returning-warm',
    lang: 'zh-CN',
    style: 'friendly',
    rounds: ['first', 'second'],
    customer: 'returning',
    label: '老顾客 · 问候',
    body: '{{buyer}}，又见面啦，谢谢您一直以来的支持！这次拍的「{{item}}」还没付款，有什么需要帮忙的跟我说一声，付款后我第一时间给您发出。',
  },
  {
    id: 'zh-second-payment-help',
    lang: 'zh-CN',
    style: 'doubt',
    rounds: ['second'],
    label: '再次提醒 · 付款帮助',
    body: '亲，您的「{{item}}」订单（{{amount}}）还没有完成付款，是不是付款时遇到了问题？余额不够、想换一种付款方式都可以告诉我，我来帮您想办法。',
  },
  {
    id: 'zh-second-time-left',
    lang: 'zh-CN',
    style: 'incentive',
    rounds: ['second', 'last'],
    label: '保留时间',
    body: '亲，您的订单（{{amount}}）还为您保留{{timeLeft}}，付款后当天就能安排发货，方便的话早点付款哦～',
  },
  {
    id: 'zh-last-honest',
    lang: 'zh-CN',
    style: 'notice',
    rounds: ['last'],
    label: '关闭前最后提醒',
    body: '{{buyer}}您好，您的「{{item}}」订单大约{{timeLeft}}后会被系统自动关闭。如果还需要，记得在这之前付款；如果不需要了也没关系，忽略这条消息就好。',
  },
];
