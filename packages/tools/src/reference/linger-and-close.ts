// Closing a connection after a final answer (413, 431, 408, malformed HTTP) while the client may
// still be sending. Closing a socket with unread bytes makes the kernel send a reset, and a client
// that writes its whole body before it reads (fetch does) then loses the answer it was sent. So,
// as nginx's lingering close does: send the answer and a FIN, read and discard whatever still
// arrives, and close when the client has finished (its FIN), after `idleMs` without a byte, or
// after `totalMs` in all, whichever comes first.
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface LingerLimits {
  /** The longest the server reads and discards after its answer. */
  totalMs: number;
  /** Close when nothing arrived for this long. */
  idleMs: number;
}

export const defaultLinger: LingerLimits = { totalMs: 3_000, idleMs: 1_000 };

const lingering = new WeakSet<Duplex>();

/** Whether the socket has been answered for good and is only drained until it closes. */
export const isLingering = (socket: Duplex): boolean => lingering.has(socket);

/**
 * Half-closes the socket after what was written, then drains it until the client is done.
 * Idempotent. The HTTP parser may still be reading the socket (it consumes it directly, so no
 * 'data' events are seen here): activity is measured on the socket's byte counter.
 */
export function lingerAndClose(socket: Duplex, limits: LingerLimits = defaultLinger): void {
  if (lingering.has(socket)) return;
  lingering.add(socket);
  const bytesRead = () => (socket as Partial<Socket>).bytesRead ?? 0;
  let lastCount = bytesRead();
  let lastActivity = Date.now();
  const close = () => {
    clearInterval(poll);
    clearTimeout(total);
    socket.destroy();
  };
  const total = setTimeout(close, limits.totalMs);
  const poll = setInterval(
    () => {
      const count = bytesRead();
      if (count !== lastCount) {
        lastCount = count;
        lastActivity = Date.now();
      } else if (Date.now() - lastActivity >= limits.idleMs) close();
    },
    Math.max(10, Math.floor(limits.idleMs / 10)),
  );
  total.unref();
  poll.unref();
  socket.once('close', () => {
    clearInterval(poll);
    clearTimeout(total);
  });
  // The client's FIN: it has sent everything, nothing unread is left to cause a reset.
  socket.once('end', close);
  socket.on('error', () => socket.destroy());
  if (!socket.writableEnded) socket.end();
  // Bytes nobody reads would stop the flow (and the counter); the parser, when attached, reads them.
  socket.resume();
}

/**
 * Makes Node's HTTP server linger instead of closing at once: after an answer that ends the
 * connection (`Connection: close`), it calls the socket's `destroySoon`, which ends the socket
 * and destroys it as soon as the answer is flushed, unread bytes or not.
 */
export function lingerInsteadOfDestroySoon(socket: Socket, limits: LingerLimits = defaultLinger): void {
  socket.destroySoon = () => lingerAndClose(socket, limits);
}
