// The policy page's co-sign section (Danish). Like cosign-queue-da.ts: merged into `translation` at run
// time (supervisor-catalogue.ts), kept out of the typed keys (TS2589), read through policyCosignText.
export const policyCosignDa = {
  policyCosign: {
    title: 'Godkendelse af koder (to personer)',
    intro: 'Hvornår en aktiveringskode først sendes, når en supervisor har godkendt den. Et rødt flag fra medarbejderen kræver altid godkendelse.',
    fields: {
      onVelocitySignal: 'Ved hastighedssignal (personen prøvet af flere medarbejdere, eller dokumentet brugt for flere personer)',
      onNameAddressProtection: 'Når personen har navne- og adressebeskyttelse',
      outsideOpeningHours: 'Uden for åbningstiden (kun hvor en supervisor altid er på vagt)',
      borderlineMarginPercent: 'Tæt på grænsen (point, 0 = fra)',
      timeoutMinutes: 'Tid til at godkende (minutter)',
    },
  },
} as const;
