// The activation page: static HTML per language, no inline script (servedPageCsp), no external assets.
import { passwordRules } from '../../shared/domain/mitid/index';
import { pageTexts, type PageLanguage } from './texts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function activationPageHtml(lang: PageLanguage): string {
  const t = pageTexts[lang];
  // Messages for the script: a JSON data block is not executed, so the CSP allows it.
  const messages = JSON.stringify({
    failed: t.failed,
    passwordsDiffer: t.passwordsDiffer,
    rateLimited: t.rateLimited,
    unexpected: t.unexpected,
    required: t.required,
    fieldRequired: t.fieldRequired,
    fieldFailed: t.fieldFailed,
    sending: t.sending,
    submit: t.submit,
    rules: t.rules,
    rulesHeading: t.rulesHeading,
  }).replace(/</g, '\\u003c');
  const rules = passwordRules.map((r) => `<li data-rule="${r}">${escape(t.rules[r])}</li>`).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.title)} – MitID</title>
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/activate/activate.css">
<script src="/activate/activate.js" defer></script>
</head>
<body>
<header class="bar">
<span class="brand">MitID</span>
<a class="lang" href="/activate?lang=${t.otherLanguageCode}" lang="${t.otherLanguageCode}" hreflang="${t.otherLanguageCode}">${escape(t.otherLanguage)}</a>
</header>
<main>
<h1>${escape(t.title)}</h1>
<noscript><p class="error">${escape(t.noscript)}</p></noscript>
<section id="form-section">
<p>${escape(t.intro)}</p>
<form id="activate-form" novalidate>
<div class="field">
<label for="userId">${escape(t.userId)}</label>
<input id="userId" name="userId" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="48" required aria-describedby="userId-error">
<p class="field-error" id="userId-error"></p>
</div>
<div class="field">
<label for="code">${escape(t.code)}</label>
<input id="code" name="code" type="text" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="32" required aria-describedby="code-error code-help">
<p class="field-error" id="code-error"></p>
<p class="help" id="code-help">${escape(t.codeHelp)}</p>
</div>
<div class="field">
<label for="newPassword">${escape(t.newPassword)}</label>
<input id="newPassword" name="newPassword" type="password" autocomplete="new-password" maxlength="128" required aria-describedby="newPassword-error rules">
<p class="field-error" id="newPassword-error"></p>
</div>
<div class="field">
<label for="repeatPassword">${escape(t.repeatPassword)}</label>
<input id="repeatPassword" name="repeatPassword" type="password" autocomplete="new-password" maxlength="128" required aria-describedby="repeatPassword-error">
<p class="field-error" id="repeatPassword-error"></p>
</div>
<div id="rules" class="rules">
<p>${escape(t.rulesHeading)}</p>
<ul>${rules}</ul>
</div>
<div id="error" class="error" role="alert" aria-live="assertive"></div>
<button type="submit" id="submit">${escape(t.submit)}</button>
</form>
</section>
<section id="success" class="success" hidden tabindex="-1">
<h2>${escape(t.successHeading)}</h2>
<p>${escape(t.successBody)}</p>
</section>
</main>
<footer class="foot"><a href="/activate/accessibility?lang=${lang}">${escape(t.accessibility)}</a></footer>
<script type="application/json" id="messages">${messages}</script>
</body>
</html>
`;
}

/** The accessibility statement (tilgængelighedserklæring) the web accessibility law asks for, per language. */
export function accessibilityStatementHtml(lang: PageLanguage): string {
  const t = pageTexts[lang];
  const other = pageTexts[t.otherLanguageCode];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.statementTitle)}</title>
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/activate/activate.css">
</head>
<body>
<header class="bar">
<span class="brand">MitID</span>
<a class="lang" href="/activate/accessibility?lang=${t.otherLanguageCode}" lang="${t.otherLanguageCode}" hreflang="${t.otherLanguageCode}">${escape(t.otherLanguage)}</a>
</header>
<main>
<h1>${escape(t.statementTitle)}</h1>
${t.statement.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<p class="help">${escape(t.statementUpdated)}</p>
<p><a href="/activate?lang=${lang}">${escape(t.back)}</a></p>
</main>
<footer class="foot"><a href="/activate/accessibility?lang=${t.otherLanguageCode}" lang="${t.otherLanguageCode}">${escape(other.accessibility)}</a></footer>
</body>
</html>
`;
}
