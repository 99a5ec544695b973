// An HTTPS (CONNECT) proxy that sends the two console hosts to the fixture server and refuses the
// rest. Firefox has no --host-resolver-rules; its proxy preferences do the same job.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { consoleHosts } from './certificate';

export interface ConsoleProxy {
  port: number;
  /** Hosts the browser asked for and was refused. */
  readonly refused: readonly string[];
  close(): Promise<void>;
}

export async function startConsoleProxy(fixturePort: number): Promise<ConsoleProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (head) => {
      const target = /^CONNECT ([^\s:]+):(\d+) HTTP/.exec(head.toString('latin1'));
      if (!target || !(consoleHosts as readonly string[]).includes(target[1]!) || target[2] !== '443') {
        refused.push(target ? `${target[1]}:${target[2]}` : 'not a CONNECT request');
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = connect(fixturePort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        client.pipe(upstream);
        upstream.pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
