// The live channel: one WebSocket that reconnects with back-off. On every (re)connect it sends
// the id of the last screen pop or deadline alert it showed, and the server replays what was
// missed since.

export class Live {
  constructor(user, handlers) {
    this.key = 'hotline.lastPop.' + user;
    this.handlers = handlers;
    this.delay = 500;
    this.closed = false;
  }

  get lastPopId() { return sessionStorage.getItem(this.key); }

  start() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(scheme + location.host + '/ws');
    this.ws = ws;
    ws.addEventListener('open', () => {
      this.delay = 500;
      ws.send(JSON.stringify({ type: 'resume', after: this.lastPopId }));
      this.handlers.status(true);
    });
    ws.addEventListener('message', (e) => {
      let msg;
      try { msg = JSON.parse(e.data); } catch (err) { return; }
      if (msg.type === 'pop') {
        sessionStorage.setItem(this.key, msg.id);
        this.handlers.pop(msg);
      } else if (msg.type === 'deadline') {
        sessionStorage.setItem(this.key, msg.id);
        this.handlers.deadline?.(msg);
      } else if (msg.type === 'board') {
        this.handlers.board(msg.data);
      } else if (msg.type === 'queue') {
        this.handlers.queue?.();
      }
    });
    ws.addEventListener('close', () => {
      this.handlers.status(false);
      if (this.closed) return;
      setTimeout(() => this.start(), this.delay);
      this.delay = Math.min(this.delay * 2, 10000);
    });
    this.pinger ??= setInterval(() => {
      if (this.ws?.readyState === WebSocket.OPEN) this.ws.send('{"type":"ping"}');
    }, 25000);
  }

  stop() {
    this.closed = true;
    clearInterval(this.pinger);
    this.ws?.close();
  }
}
