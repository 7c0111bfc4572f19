/** Injectable faults: what `server.ts` and the inspection API use. See `examples/chaos.json`. */
export { FaultsConfig, FaultRule, UserFaults } from './schema';
export { createFaults } from './fault-picker';
export { loadFaultsFile, parseFaultsConfig } from './load';
export { applyUserFaults } from './user-faults';
