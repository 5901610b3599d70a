// The synthetic CPR register: what the rest of the server uses.
export { generateRegister, type GenerateOptions, type RegisterBatch } from './generator';
export { personaRecords, personaRelatives, personas } from './personas';
export {
  defaultSandboxPersons,
  defaultSandboxSeed,
  isSandboxRegister,
  NotSandboxError,
  readRegisterMeta,
  reseedSandbox,
  seedSandboxHook,
  seedSandboxIfEmpty,
  type SeedOptions,
  type SeedResult,
} from './seed';
export { PersonNotFoundError, showSandboxPerson } from './show';
