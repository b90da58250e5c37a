import { loadPack } from '../build/packs.ts';
import { exportPack } from './pack/export.ts';
console.log(JSON.stringify(exportPack(loadPack(`packs/${process.argv[3]}`)), null, 2));
