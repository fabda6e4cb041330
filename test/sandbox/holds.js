'use strict';
// Holds: requests to a path wait at the door until a condition over everything the stand-in has
// received is true, e.g. "both executions have sent". A test uses one to make two senders meet
// at the stand-in instead of hoping the scheduler makes them overlap. A hold that is never met
// lets its requests through after `timeoutMs`, so that a test fails on its assertions, not by
// hanging.

class Holds {
  constructor() {
    this.list = [];
  }

  /** Hold requests to `path` until `ready(requests)` is true, or `timeoutMs` has passed. */
  add(path, ready, timeoutMs) {
    const hold = { path, ready, waiters: [], open: false, timedOut: false };
    hold.timer = setTimeout(() => {
      hold.timedOut = true;
      this.release(hold);
    }, timeoutMs);
    this.list.push(hold);
    return hold;
  }

  release(hold) {
    clearTimeout(hold.timer);
    hold.open = true;
    for (const go of hold.waiters.splice(0)) go();
  }

  /** Opens every hold whose condition the requests now meet (called on each arrival). */
  check(requests) {
    for (const hold of this.list) if (!hold.open && hold.ready(requests)) this.release(hold);
  }

  /** Resolves when no open-pending hold stands in front of `path`. */
  async pass(path) {
    for (const hold of this.list) {
      if (hold.path !== path || hold.open) continue;
      await new Promise((resolve) => hold.waiters.push(resolve));
    }
  }

  clear() {
    for (const hold of this.list.splice(0)) this.release(hold);
  }
}

module.exports = { Holds };
