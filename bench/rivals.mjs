// Runs chrono-node and sherlockjs over JSON lines on stdin (one process per writer zone: TZ env).
// Prints one JSON line per input: the first reading's wall-clock fields, and the nanoseconds taken.
import * as readline from "node:readline";
import * as chrono from "chrono-node";
import Sherlock from "sherlockjs";

const parts = (d) => d && [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];

function viaChrono(text, now) {
  const [r] = chrono.parse(text, now, { forwardDate: true });
  if (!r) return {};
  const timed = r.start.isCertain("hour");
  return { start: parts(r.start.date()), end: r.end ? parts(r.end.date()) : null, timed };
}

function viaSherlock(text, now) {
  Sherlock._setNow(now);
  const r = Sherlock.parse(text);
  return { title: r.eventTitle, start: parts(r.startDate), end: parts(r.endDate), timed: !r.isAllDay };
}

const rivals = { "chrono-node": viaChrono, sherlockjs: viaSherlock };
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const c = JSON.parse(line);
  const [date, time] = c.now.split("T");
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const now = new Date(y, m - 1, d, hh, mm);
  for (const [name, run] of Object.entries(rivals)) {
    const t0 = process.hrtime.bigint();
    let out;
    try { out = run(c.text, now); } catch (e) { out = { error: String(e) }; }
    const ns = Number(process.hrtime.bigint() - t0);
    console.log(JSON.stringify({ rival: name, id: c.id, ns, ...out }));
  }
}
