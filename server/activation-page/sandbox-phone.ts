// The sandbox phone at /sandbox-phone: a trainer playing the caller signs in as a supervisor and reads
// the SMS and Digital Post messages "sent" (listSandboxOutbox). Served only while the register is the
// sandbox one; static HTML + a same-origin script, the session token kept in the script's memory only.
export const sandboxPhoneHtml = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandkasse-telefon – MitID Support</title>
<link rel="stylesheet" href="/activate/activate.css">
<script src="/sandbox-phone/sandbox-phone.js" defer></script>
</head>
<body>
<header class="bar"><span class="brand">SANDKASSE — syntetiske data</span></header>
<main>
<h1>Sandkasse-telefon</h1>
<p>Beskeder sendt til de syntetiske personer (SMS og Digital Post), nyeste først. Kun til træning.</p>
<form id="signin">
<div class="field"><label for="username">Brugernavn (supervisor)</label><input id="username" autocomplete="username" required></div>
<div class="field"><label for="password">Adgangskode</label><input id="password" type="password" autocomplete="current-password" required></div>
<button type="submit">Log på</button>
</form>
<form id="filter" hidden>
<div class="field"><label for="userId">MitID bruger-ID (valgfrit)</label><input id="userId" autocapitalize="none" spellcheck="false"></div>
<button type="submit">Vis beskeder</button>
</form>
<div id="error" class="error" role="alert"></div>
<ol id="messages" class="phone" aria-live="polite"></ol>
</main>
</body>
</html>
`;

export const sandboxPhoneScript = `'use strict';
(function () {
  var token = null;
  var errorBox = document.getElementById('error');
  var list = document.getElementById('messages');
  function fail(text) { errorBox.textContent = text; }
  // Which code in the list still works: a trainer reading an old SMS sees that it was replaced.
  var codeStates = { active: 'Koden gælder', used: 'Koden er brugt', superseded: 'Erstattet af en nyere kode: virker ikke', revoked: 'Koden er tilbagekaldt', expired: 'Koden er udløbet', blocked: 'Koden er spærret: for mange forkerte forsøg' };
  function load() {
    var userId = document.getElementById('userId').value.trim();
    var query = '?limit=50' + (userId ? '&userId=' + encodeURIComponent(userId) : '');
    fetch('/api/sandbox/outbox' + query, { headers: { authorization: 'Bearer ' + token } })
      .then(function (res) { return res.json().then(function (body) { return { res: res, body: body }; }); })
      .then(function (r) {
        if (!r.res.ok) { fail(r.body.message || 'Fejl'); return; }
        fail('');
        list.textContent = '';
        r.body.items.forEach(function (m) {
          var li = document.createElement('li');
          var head = document.createElement('p');
          head.className = 'meta';
          head.textContent = (m.channel === 'sms' ? 'SMS til ' : 'Digital Post til ') + m.recipient +
            (m.userId ? ' (' + m.userId + ')' : '') + ' · ' + new Date(m.sentAt).toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen' });
          li.appendChild(head);
          if (m.codeState && codeStates[m.codeState]) {
            var state = document.createElement('p');
            state.className = 'code-state code-' + m.codeState;
            state.textContent = codeStates[m.codeState];
            li.appendChild(state);
          }
          if (m.subject) { var s = document.createElement('p'); s.className = 'subject'; s.textContent = m.subject; li.appendChild(s); }
          var b = document.createElement('p');
          b.className = 'body';
          b.textContent = m.body;
          li.appendChild(b);
          list.appendChild(li);
        });
        if (r.body.items.length === 0) { var none = document.createElement('li'); none.textContent = 'Ingen beskeder.'; list.appendChild(none); }
      })
      .catch(function () { fail('Support API svarer ikke.'); });
  }
  document.getElementById('signin').addEventListener('submit', function (e) {
    e.preventDefault();
    fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: document.getElementById('username').value, password: document.getElementById('password').value })
    }).then(function (res) { return res.json().then(function (body) { return { res: res, body: body }; }); })
      .then(function (r) {
        if (!r.res.ok) { fail(r.body.message || 'Log på mislykkedes'); return; }
        token = r.body.token;
        document.getElementById('signin').hidden = true;
        document.getElementById('filter').hidden = false;
        load();
      })
      .catch(function () { fail('Support API svarer ikke.'); });
  });
  document.getElementById('filter').addEventListener('submit', function (e) { e.preventDefault(); load(); });
})();
`;
