/** key → sockets, so an event reaches its sockets without looking at anybody else's. */
export class SocketIndex<Socket> {
  private readonly byKey = new Map<string, Set<Socket>>();

  add(key: string, socket: Socket): void {
    let sockets = this.byKey.get(key);
    if (!sockets) {
      sockets = new Set();
      this.byKey.set(key, sockets);
    }
    sockets.add(socket);
  }

  remove(key: string, socket: Socket): void {
    const sockets = this.byKey.get(key);
    if (!sockets) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.byKey.delete(key);
  }

  get(key: string): ReadonlySet<Socket> | undefined {
    return this.byKey.get(key);
  }

  /** Keys with at least one socket. */
  get size(): number {
    return this.byKey.size;
  }
}
