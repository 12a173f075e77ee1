import 'reflect-metadata';
import { createApp } from './app.factory';
import { loadSettings } from './config/settings';

async function main(): Promise<void> {
  const settings = loadSettings(process.env);
  const app = await createApp(settings);
  app.enableShutdownHooks();
  await app.listen(settings.port);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
