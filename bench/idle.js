// Runs inside a grown order-list page (page.evaluate): gives every row of
// the list a live countdown that ticks once a second, the way back-offices
// show "剩余 71:59:59" beside each unpaid order. Half the rows update the
// text node in place (React, Vue), half replace it (el.textContent = …).
// Plain JS on purpose: it is passed to the browser as source.
export function startTicking({ containerSelector }) {
  const container = containerSelector ? document.querySelector(containerSelector) : null;
  // The grown list: the element with the most children.
  let list = container;
  if (!list) {
    let best = 0;
    for (const el of document.body.querySelectorAll('*')) {
      if (el.childElementCount > best) {
        best = el.childElementCount;
        list = el;
      }
    }
  }
  const spans = [];
  for (const row of list.children) {
    const span = document.createElement('span');
    span.className = 'bench-countdown';
    span.textContent = '剩余 71:59:59';
    row.appendChild(span);
    spans.push(span);
  }
  const pad = (n) => String(n).padStart(2, '0');
  let left = 72 * 3600 - 1;
  globalThis.__tick = setInterval(() => {
    left -= 1;
    const text = `剩余 ${pad(Math.floor(left / 3600))}:${pad(Math.floor(left / 60) % 60)}:${pad(left % 60)}`;
    spans.forEach((span, i) => {
      if (i % 2 === 0) span.firstChild.nodeValue = text;
      else span.textContent = text;
    });
  }, 1000);
  return spans.length;
}
