// The few parts of janode (Meetecho's Node client, untyped JavaScript) that the Janus benchmark and the door's
// integration tests drive.
declare module 'janode' {
  interface JanodeHandle {
    createRtpMountpoint(options: Record<string, unknown>): Promise<{ id: number }>;
    destroyMountpoint(options: { id: number; secret?: string }): Promise<unknown>;
    detach(): Promise<void>;
  }
  interface JanodeSession {
    attach(plugin: unknown): Promise<JanodeHandle>;
    destroy(): Promise<void>;
  }
  interface JanodeConnection {
    create(keepaliveSeconds?: number): Promise<JanodeSession>;
    close(): Promise<void>;
  }
  const Janode: {
    connect(config: {
      address: { url: string; apisecret?: string; token?: string };
      retry_time_secs?: number;
      max_retries?: number;
      ws_options?: { origin?: string; headers?: Record<string, string>; handshakeTimeout?: number };
    }): Promise<JanodeConnection>;
    Logger: { setLevel(level: 'debug' | 'verb' | 'info' | 'warn' | 'error' | 'none'): string };
    EVENT: Record<'CONNECTION_CLOSED' | 'CONNECTION_ERROR' | 'SESSION_DESTROYED' | 'HANDLE_DETACHED', string>;
  };
  export default Janode;
}

declare module 'janode/plugins/streaming' {
  const StreamingPlugin: unknown;
  export default StreamingPlugin;
}
