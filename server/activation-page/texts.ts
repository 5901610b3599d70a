// The activation page's words, Danish and English. Keys of `en` must equal those of `da` (typed).
import type { PasswordRule } from '../../shared/domain/mitid/index';

export type PageLanguage = 'da' | 'en';

const da = {
  title: 'Vælg ny adgangskode til MitID',
  intro:
    'Du har fået en aktiveringskode i en SMS fra MitID, efter at du har talt med MitID Support. Skriv dit MitID bruger-ID, koden og din nye adgangskode.',
  userId: 'MitID bruger-ID',
  code: 'Aktiveringskode',
  codeHelp: 'Koden fra SMS’en. Den kan bruges én gang og kun i kort tid.',
  newPassword: 'Ny adgangskode',
  repeatPassword: 'Gentag ny adgangskode',
  rulesHeading: 'Din adgangskode skal:',
  submit: 'Gem ny adgangskode',
  sending: 'Gemmer …',
  otherLanguage: 'English',
  otherLanguageCode: 'en' as PageLanguage,
  noscript: 'Siden kræver JavaScript. Slå det til, eller ring til MitID Support.',
  successHeading: 'Din nye adgangskode er gemt',
  successBody:
    'Du kan nu logge på med dit bruger-ID og den nye adgangskode i MitID-appen eller på mitid.dk. Aktiveringskoden er brugt og virker ikke igen. Du får et brev i Digital Post om ændringen.',
  failed:
    'Bruger-ID eller aktiveringskode er forkert, eller koden er ikke længere gyldig. Ring til MitID Support, hvis du skal have en ny kode.',
  passwordsDiffer: 'De to adgangskoder er ikke ens.',
  rateLimited: 'Du har prøvet mange gange på kort tid. Vent et minut, og prøv igen.',
  unexpected: 'Noget gik galt. Prøv igen om lidt.',
  required: 'Udfyld alle felter.',
  fieldRequired: 'Udfyld feltet.',
  fieldFailed: 'Tjek bruger-ID og aktiveringskode.',
  accessibility: 'Tilgængelighedserklæring',
  statementTitle: 'Tilgængelighedserklæring for MitID-aktiveringssiden',
  statement: [
    'Denne erklæring gælder for siden, hvor du vælger ny adgangskode til MitID med en aktiveringskode fra MitID Support. Siden er omfattet af lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven).',
    'Overholdelse: Siden er udviklet til at overholde EN 301 549, dvs. WCAG 2.1 på niveau AA. Vi kender ingen mangler.',
    'Sådan har vi testet: automatisk med axe-core ved hver ændring, og manuelt med tastatur alene, med synligt fokus, ved 200 % zoom og i et 320 pixel bredt vindue uden vandret rulning. Fejlbeskeder er knyttet til de felter, de handler om, så skærmlæsere læser dem op.',
    'Hvis noget ikke virker for dig: ring til MitID Support, så hjælper vi dig med at vælge adgangskode på anden vis, og fortæl os om problemet, så vi kan rette det.',
    'Klage: Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med webtilgængelighedsloven.',
  ],
  statementUpdated: 'Erklæringen er senest opdateret 1. december 2026.',
  back: 'Tilbage til siden for ny adgangskode',
  rules: {
    length: 'være 8–64 tegn lang',
    contains_user_id: 'ikke indeholde dit bruger-ID',
    ten_digits: 'ikke indeholde 10 cifre i træk',
    keyboard_run: 'ikke være en række taster ved siden af hinanden (fx qwertyui eller 12345678)',
  } satisfies Record<PasswordRule, string>,
};

export type PageTexts = typeof da;

const en: PageTexts = {
  title: 'Choose a new MitID password',
  intro:
    'You have received an activation code by SMS from MitID after talking to MitID Support. Enter your MitID user ID, the code and your new password.',
  userId: 'MitID user ID',
  code: 'Activation code',
  codeHelp: 'The code from the SMS. It works once and only for a short time.',
  newPassword: 'New password',
  repeatPassword: 'Repeat new password',
  rulesHeading: 'Your password must:',
  submit: 'Save new password',
  sending: 'Saving …',
  otherLanguage: 'Dansk',
  otherLanguageCode: 'da',
  noscript: 'This page needs JavaScript. Turn it on, or call MitID Support.',
  successHeading: 'Your new password is saved',
  successBody:
    'You can now log in with your user ID and the new password in the MitID app or on mitid.dk. The activation code is used and will not work again. You will get a letter in Digital Post about the change.',
  failed:
    'The user ID or activation code is wrong, or the code is no longer valid. Call MitID Support if you need a new code.',
  passwordsDiffer: 'The two passwords are not the same.',
  rateLimited: 'You have tried many times in a short while. Wait a minute and try again.',
  unexpected: 'Something went wrong. Try again in a moment.',
  required: 'Fill in every field.',
  fieldRequired: 'Fill in this field.',
  fieldFailed: 'Check the user ID and the activation code.',
  accessibility: 'Accessibility statement',
  statementTitle: 'Accessibility statement for the MitID activation page',
  statement: [
    'This statement covers the page where you choose a new MitID password with an activation code from MitID Support. The page falls under the Danish act on the accessibility of public sector websites and mobile applications (webtilgængelighedsloven).',
    'Compliance: the page is built to meet EN 301 549, i.e. WCAG 2.1 level AA. We know of no shortcomings.',
    'How we test: automatically with axe-core on every change, and by hand with the keyboard alone, with visible focus, at 200 % zoom and in a window 320 pixels wide without horizontal scrolling. Error messages are tied to the fields they are about, so screen readers read them out.',
    'If something does not work for you: call MitID Support, who will help you choose a password another way, and tell us about the problem so we can fix it.',
    'Complaints: if you are not satisfied with our answer, you can complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), which supervises the act.',
  ],
  statementUpdated: 'This statement was last updated on 1 December 2026.',
  back: 'Back to the new password page',
  rules: {
    length: 'be 8–64 characters long',
    contains_user_id: 'not contain your user ID',
    ten_digits: 'not contain 10 digits in a row',
    keyboard_run: 'not be a run of neighbouring keys (e.g. qwertyui or 12345678)',
  },
};

export const pageTexts: Record<PageLanguage, PageTexts> = { da, en };
