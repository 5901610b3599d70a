// The co-sign queue's text (Danish). Merged into `translation` at run time (supervisor-catalogue.ts) but
// left out of the typed keys (i18n.ts): there they pushed the key union past TypeScript's instantiation
// depth (TS2589 across the console). The queue reads them through cosignQueueText (cosign-queue-text.ts).
export const cosignQueueDa = {
  cosignQueue: {
    intro: 'Koder, der venter på din godkendelse, ældste først. Listen opdaterer sig selv. Du ser personens forhold og signaler, aldrig de forventede svar.',
    empty: 'Ingen koder venter på godkendelse.',
    requested: 'Anmodet kl. {{time}}',
    expiresIn: 'Udløber kl. {{time}}',
    reasons: 'Hvorfor',
    facts: 'Opkaldet',
    started: 'Startet kl. {{time}}',
    answersLabel: 'Svar',
    answers: '{{correct}} af {{answered}} helt rigtige',
    scoreLabel: 'Resultat',
    score: '{{score}} (grænse {{threshold}})',
    redFlags: 'Røde flag',
    signals: 'Signaler',
    signalKinds: {
      person_multi_agent: 'Personen forsøgt af {{agents}} medarbejdere ({{attempts}} forsøg)',
      document_multi_person: 'Dokumentet brugt for {{persons}} personer ({{attempts}} forsøg)',
    },
    reason: 'Begrundelse',
    reasonHint: 'Mindst 3 tegn. Gemmes i revisionsloggen.',
    approve: 'Godkend og send koden',
    deny: 'Afvis (henvis til Borgerservice)',
    approved: 'Godkendt: koden er sendt.',
    denied: 'Afvist: opkaldet er henvist.',
    showDetail: 'Vis verifikationen',
    reasonKinds: {
      red_flag: 'Medarbejderens røde flag',
      velocity_person: 'Flere medarbejdere har forsøgt personen',
      velocity_document: 'Dokumentet er brugt for flere personer',
      name_address_protection: 'Navne- og adressebeskyttelse',
      borderline_score: 'Resultat tæt på grænsen',
      outside_opening_hours: 'Uden for åbningstiden',
    },
    redFlagKinds: {
      caller_under_pressure: 'Personen virker presset',
      someone_prompting: 'En anden taler eller hvisker svarene',
      answers_read_aloud: 'Svarene lyder læst op',
      third_party_caller: 'En anden ringer på personens vegne',
    },
  },
} as const;
