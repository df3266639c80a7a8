// A bot process for the kill -9 test: it indexes a folder (its first sync), and the test kills it part-way.
import { Briefbot } from '../../src/bot.ts';

const [seeds, db] = process.argv.slice(2);
const bot = await Briefbot.open({ seedsDir: seeds!, dbPath: db! });
process.stdout.write('indexed\n');
await bot.close();
