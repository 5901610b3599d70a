// Danish is the console's default language. Every key here must exist in en.ts (checked by the type and a test).
import { agentDa } from './agent-da';

export const da = {
  ...agentDa,
  app: {
    productName: 'MitID Support Console',
    skipToContent: 'Gå til indhold',
    apiVersion: 'Support API {{version}} · database: {{database}}',
    loading: 'Indlæser…',
    sandboxBanner: 'SANDKASSE — syntetiske data',
    sandboxBannerDetail: 'Ingen rigtige personer. Koder sendes ikke.',
  },
  nav: {
    label: 'Hovedmenu',
    newCall: 'Nyt opkald',
    myCalls: 'Mine opkald',
    verificationLog: 'Verifikationslog',
    watch: 'Overvågning',
    policy: 'Politik',
    integrity: 'Integritet',
  },
  language: {
    label: 'Sprog',
    da: 'Dansk',
    en: 'English',
  },
  theme: {
    label: 'Farvetema',
    light: 'Lyst',
    dark: 'Mørkt',
    system: 'Som systemet',
  },
  session: {
    signedInAs: 'Logget ind som {{name}}',
    roles: {
      agent: 'Supportmedarbejder',
      supervisor: 'Supervisor',
    },
    signOut: 'Log ud',
    checking: 'Tjekker din session…',
  },
  connection: {
    title: 'Ingen forbindelse til Support API',
    unreachable: 'Support API svarer ikke. Tjek netværket eller om tjenesten kører.',
    unavailable: 'Support API er midlertidigt utilgængelig.',
    other: 'Support API svarede med en fejl: {{message}}',
    detail: 'Detaljer: {{message}}',
    retry: 'Prøv igen',
    retrying: 'Prøver igen…',
  },
  errors: {
    unreachable: 'Support API kunne ikke nås. Prøv igen om lidt.',
    unavailable: 'Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt.',
    unauthenticated: 'Din session er udløbet. Log ind igen.',
    forbidden: 'Din rolle må ikke gøre dette.',
    rateLimited: 'For mange forsøg. Vent lidt og prøv igen.',
    generic: 'Noget gik galt ({{code}}). Prøv igen.',
  },
  signIn: {
    title: 'Log ind',
    intro: 'Log ind med din konto til supportkonsollen.',
    username: 'Brugernavn',
    password: 'Adgangskode',
    submit: 'Log ind',
    submitting: 'Logger ind…',
    sessionExpired: 'Din session er udløbet. Log ind igen for at fortsætte, hvor du var.',
    demoHint: 'Sandkasse: brug en af demokontiene (agent eller supervisor) fra README.',
    validation: {
      usernameRequired: 'Skriv dit brugernavn.',
      usernameTooLong: 'Brugernavnet må højst være 64 tegn.',
      passwordRequired: 'Skriv din adgangskode.',
      passwordTooLong: 'Adgangskoden må højst være 256 tegn.',
    },
    failed: {
      invalidCredentials: 'Forkert brugernavn eller adgangskode.',
      locked: 'Kontoen er midlertidigt låst efter for mange forsøg. Vent, eller kontakt en supervisor.',
    },
  },
  placeholder: {
    badge: 'Kommer snart',
    body: 'Denne skærm er ikke bygget endnu. Den kommer i en senere version af konsollen.',
  },
  notFound: {
    title: 'Siden findes ikke',
    body: 'Der er ingen skærm på denne adresse.',
    home: 'Til forsiden',
  },
  forbidden: {
    title: 'Ikke tilgængelig for din rolle',
    body: 'Denne skærm er kun for {{role}}.',
    home: 'Til din forside',
  },
} as const;
