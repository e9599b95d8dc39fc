// The shop's server-side check (CouchDB validate_doc_update): documents
// that are not PayNudge records of a known kind, filed under their own key,
// are refused; an attempt's facts and a plan's payments cannot be rewritten,
// and an order's pack of attempts never loses one.
// Kept as plain ES5 source: CouchDB runs it, not the extension.

export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  if (newDoc._deleted) return;
  var id = newDoc._id;
  var colon = id.indexOf(':');
  var kind = colon > 0 ? id.slice(0, colon) : '';
  var keys = { order: 'key', buyer: 'key', attempt: 'id', attempts: 'orderKey', template: 'id', plan: 'id', setting: 'key' };
  function attemptOk(a, orderKey) {
    return a && typeof a.id === 'string' && a.orderKey === orderKey && typeof a.at === 'number' && typeof a.outcome === 'string';
  }
  function sameFacts(o, r) {
    return o.orderKey === r.orderKey && o.at === r.at && o.text === r.text && (o.agent || '') === (r.agent || '');
  }
  if (kind === 'claim') {
    var c = newDoc.claim;
    if (!c || typeof c.agent !== 'string' || !c.agent || typeof c.at !== 'number' || 'claim:' + c.orderKey !== id) throw({ forbidden: 'malformed claim' });
    return;
  }
  if (!keys[kind]) throw({ forbidden: 'not a PayNudge document: ' + id });
  var r = newDoc.record;
  if (!r || typeof r !== 'object') throw({ forbidden: 'no record' });
  if (kind + ':' + r[keys[kind]] !== id) throw({ forbidden: 'record filed under another key' });
  if (kind === 'order' && (typeof r.orderId !== 'string' || !r.amount || typeof r.amount.minor !== 'number' || typeof r.status !== 'string')) throw({ forbidden: 'malformed order' });
  if (kind === 'attempt') {
    if (typeof r.orderKey !== 'string' || typeof r.at !== 'number' || typeof r.outcome !== 'string') throw({ forbidden: 'malformed attempt' });
    if (oldDoc && !oldDoc._deleted && oldDoc.record && !sameFacts(oldDoc.record, r)) throw({ forbidden: 'an attempt is never rewritten' });
  }
  if (kind === 'attempts') {
    if (typeof r.orderKey !== 'string' || !Array.isArray(r.attempts) || !r.attempts.length) throw({ forbidden: 'malformed attempts' });
    var now = {};
    r.attempts.forEach(function (a) {
      if (!attemptOk(a, r.orderKey)) throw({ forbidden: 'malformed attempt' });
      now[a.id] = a;
    });
    if (oldDoc && !oldDoc._deleted && oldDoc.record && Array.isArray(oldDoc.record.attempts)) {
      oldDoc.record.attempts.forEach(function (o) {
        if (!now[o.id]) throw({ forbidden: 'attempts are never removed' });
        if (!sameFacts(o, now[o.id])) throw({ forbidden: 'an attempt is never rewritten' });
      });
    }
  }
  if (kind === 'plan' && oldDoc && !oldDoc._deleted && oldDoc.record && oldDoc.record.plan && r.plan) {
    var ids = {};
    (r.plan.stages || []).forEach(function (s) { (s.payments || []).forEach(function (p) { ids[p.id] = true; }); });
    (r.plan.events || []).forEach(function (e) { if (e.kind === 'payment' && e.reference) ids['ref:' + e.stageId + ':' + e.reference] = true; });
    (oldDoc.record.plan.stages || []).forEach(function (s) {
      var kept = (r.plan.stages || []).some(function (n) { return n.id === s.id; });
      (s.payments || []).forEach(function (p) {
        if (kept && !ids[p.id]) throw({ forbidden: 'payments are never removed' });
      });
    });
  }
}`;
