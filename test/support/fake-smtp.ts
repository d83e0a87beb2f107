import net from 'node:net';

/** A minimal SMTP server on loopback that keeps what it receives (never our own code under test). */
export function fakeSmtp(options: { rejectRecipient?: string } = {}) {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake.smtp ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            reply('250 queued');
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') current.from = line;
        if (verb === 'DATA') inData = true;
        const refused = verb === 'RCPT' && options.rejectRecipient !== undefined && line.includes(options.rejectRecipient);
        if (verb === 'RCPT' && !refused) current.to.push(line);
        const answers: Record<string, string> = {
          EHLO: '250 fake.smtp',
          HELO: '250 fake.smtp',
          MAIL: '250 ok',
          RCPT: refused ? '550 no such user' : '250 ok',
          DATA: '354 go on',
          QUIT: '221 bye',
          RSET: '250 ok',
          NOOP: '250 ok',
        };
        reply(answers[verb] ?? '500 5.5.1 unrecognised command');
        if (verb === 'QUIT') socket.end();
      }
    });
  });
  return {
    received,
    listen: () =>
      new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
