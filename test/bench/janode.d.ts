// The few parts of janode (Meetecho's Node client, untyped JavaScript) that the benchmark drives.
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
      address: { url: string; apisecret?: string };
      ws_options?: { origin?: string };
    }): Promise<JanodeConnection>;
    Logger: { setLevel(level: 'debug' | 'verb' | 'info' | 'warn' | 'error' | 'none'): string };
  };
  export default Janode;
}

declare module 'janode/plugins/streaming' {
  const StreamingPlugin: unknown;
  export default StreamingPlugin;
}
