// The log's co-sign and red-flag filters (Danish). Like cosign-queue-da.ts: merged into `translation` at run
// time (supervisor-catalogue.ts), kept out of the typed keys (TS2589), read through logCosignText.
export const logCosignDa = {
  logCosign: {
    cosign: 'Godkendelse',
    cosignStates: {
      requested: 'Krævede godkendelse',
      pending: 'Venter',
      approved: 'Godkendt',
      denied: 'Afvist',
      expired: 'Ikke besvaret i tide',
    },
    redFlag: 'Rødt flag',
    redFlagYes: 'Med rødt flag',
    redFlagNo: 'Uden rødt flag',
  },
} as const;
