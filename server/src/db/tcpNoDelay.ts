import net from "node:net";
import tls from "node:tls";

/**
 * neo4j-driver (5.x and 6.x alike) opens its Bolt sockets with `net.connect` / `tls.connect`
 * and only sets keep-alive on them. It writes a message in 1,400-byte chunks, so with Nagle's
 * algorithm on, every query whose text and parameters pass about 1.4 kB waits for the server's
 * delayed ACK (about 40 ms on Linux) although the server answers in a millisecond or two.
 *
 * This is the one place that turns Nagle off for them: it wraps both connect functions so that
 * every socket they open gets TCP no-delay. The driver has no option for it, and it looks the
 * functions up on the module objects at each connection, so wrapping them here reaches it.
 * Sockets other code opens get no-delay too, which suits a request/response server.
 */
let installed = false;

export function enableTcpNoDelay(): void {
  if (installed) return;
  installed = true;
  const netConnect = net.connect;
  const tlsConnect = tls.connect;
  // The wrappers keep each function's overloads: they pass every argument through unchanged.
  net.connect = net.createConnection = ((...args: unknown[]) =>
    (netConnect as (...a: unknown[]) => net.Socket)(...args).setNoDelay(true)) as typeof net.connect;
  tls.connect = ((...args: unknown[]) => {
    const socket = (tlsConnect as (...a: unknown[]) => tls.TLSSocket)(...args);
    socket.setNoDelay(true);
    return socket;
  }) as typeof tls.connect;
}
