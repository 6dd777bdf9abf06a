// The reference for the read bench: a bare Fastify server (the version Kuzot uses) answering one trivial JSON
// route, started as its own process like Kuzot, so both are measured by the same load generator in one run.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/trivial', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 18090) });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
