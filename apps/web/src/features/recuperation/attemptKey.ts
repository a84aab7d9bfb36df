/**
 * The idempotency key of one booking attempt. It is made when the attempt starts and sent with
 * every submission of it (a double tap, a retry after a dropped connection), so the server books
 * once; only a definite answer — booked, or refused for a reason the member then fixes — ends the
 * attempt and the next submission gets a new key.
 */
export class AttemptKey {
  #key: string;
  constructor(private readonly make: () => string = () => crypto.randomUUID()) {
    this.#key = make();
  }
  /** the key to send now */
  get current(): string {
    return this.#key;
  }
  /** the server answered definitely: what follows is a new attempt */
  settle(): void {
    this.#key = this.make();
  }
}

/**
 * Whether an error is the server's definite answer to the attempt (a refusal with a reason), so
 * the next submission is a new attempt; no answer at all (code null: the network) or an
 * unexpected failure may have left the booking made, so the retry keeps the key.
 */
export function endsAttempt(code: string | null): boolean {
  return code !== null && code !== 'INTERNAL' && code !== 'RATE_LIMITED';
}
