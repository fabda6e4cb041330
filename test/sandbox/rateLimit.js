'use strict';
// X-RateLimit-* bookkeeping (reference §1.1, §6.4). One bucket per stand-in, like a workspace.

const HOUR = 3600 * 1000;
const BRAZE_SHARED = { limit: 250000, windowMs: HOUR, clockHour: true };

class RateLimiter {
  constructor() {
    this.configure(null);
  }

  /** null = Braze's shared 250,000/hour, resetting on the clock hour. */
  configure(config) {
    if (config && !(Number.isInteger(config.limit) && config.limit > 0 && config.windowMs > 0)) {
      throw new TypeError('setRateLimit expects { limit: positive integer, windowMs: positive number } or null');
    }
    this.config = config ? { limit: config.limit, windowMs: config.windowMs, clockHour: false } : BRAZE_SHARED;
    this.reset();
  }

  reset() {
    this.windowEnd = 0;
    this.used = 0;
  }

  roll(now) {
    if (now < this.windowEnd) return;
    // Braze windows follow the clock hour; a custom window starts at the first request, so a
    // test never straddles an unlucky boundary.
    this.windowEnd = this.config.clockHour ? (Math.floor(now / HOUR) + 1) * HOUR : now + this.config.windowMs;
    this.used = 0;
  }

  headers(now) {
    this.roll(now);
    return {
      'X-RateLimit-Limit': String(this.config.limit),
      'X-RateLimit-Remaining': String(Math.max(0, this.config.limit - this.used)),
      'X-RateLimit-Reset': String(Math.ceil(this.windowEnd / 1000)),
    };
  }

  /** Counts one request; false when the window is already used up. */
  take(now) {
    this.roll(now);
    if (this.used >= this.config.limit) return false;
    this.used += 1;
    return true;
  }
}

module.exports = { RateLimiter, BRAZE_SHARED };
