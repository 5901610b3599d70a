// The page's one script, served same-origin as /activate/activate.js (the CSP allows no inline script).
// It posts JSON to the contract's redeem route; the server decides, the page only explains.
export const activationPageScript = `'use strict';
(function () {
  var messages = JSON.parse(document.getElementById('messages').textContent);
  var form = document.getElementById('activate-form');
  var errorBox = document.getElementById('error');
  var button = document.getElementById('submit');
  var rules = document.querySelectorAll('#rules li');

  var fieldNames = ['userId', 'code', 'newPassword', 'repeatPassword'];

  // A field's own message, tied to it (aria-describedby names the message's id) and announced with it.
  function markField(name, text) {
    var input = form.elements[name];
    var message = document.getElementById(name + '-error');
    message.textContent = text || '';
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function clearFields() { fieldNames.forEach(function (name) { markField(name, ''); }); }

  function focusFirstInvalid() {
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
  }

  function showError(text, ruleIds) {
    errorBox.textContent = text;
    rules.forEach(function (li) { li.classList.toggle('broken', ruleIds.indexOf(li.getAttribute('data-rule')) >= 0); });
    if (ruleIds.length > 0) {
      var list = document.createElement('ul');
      ruleIds.forEach(function (id) {
        var item = document.createElement('li');
        item.textContent = messages.rules[id] || id;
        list.appendChild(item);
      });
      errorBox.appendChild(list);
    }
  }

  function brokenRulesOf(body) {
    var known = Object.keys(messages.rules);
    return known.filter(function (id) { return (body.message || '').indexOf(id) >= 0; });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = {
      userId: form.userId.value.trim(),
      code: form.code.value.trim(),
      newPassword: form.newPassword.value,
      repeatPassword: form.repeatPassword.value
    };
    showError('', []);
    clearFields();
    var missing = fieldNames.filter(function (name) { return !data[name]; });
    if (missing.length > 0) {
      missing.forEach(function (name) { markField(name, messages.fieldRequired); });
      showError(messages.required, []);
      focusFirstInvalid();
      return;
    }
    if (data.newPassword !== data.repeatPassword) {
      markField('repeatPassword', messages.passwordsDiffer);
      showError(messages.passwordsDiffer, []);
      focusFirstInvalid();
      return;
    }
    button.disabled = true;
    button.textContent = messages.sending;
    fetch('/api/activation/redeem', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
      credentials: 'omit'
    }).then(function (res) {
      if (res.ok) {
        form.reset();
        document.getElementById('form-section').hidden = true;
        var done = document.getElementById('success');
        done.hidden = false;
        done.focus();
        return;
      }
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (res.status === 429) showError(messages.rateLimited, []);
        else if (body.code === 'password_rejected') {
          showError(messages.rulesHeading, brokenRulesOf(body));
          markField('newPassword', messages.rulesHeading + ' ' + brokenRulesOf(body).map(function (id) { return messages.rules[id] || id; }).join('; '));
          focusFirstInvalid();
        } else if (body.code === 'passwords_differ') {
          markField('repeatPassword', messages.passwordsDiffer);
          showError(messages.passwordsDiffer, []);
          focusFirstInvalid();
        } else if (res.status === 401) {
          markField('userId', messages.fieldFailed);
          markField('code', messages.fieldFailed);
          showError(messages.failed, []);
          focusFirstInvalid();
        } else showError(messages.unexpected, []);
      });
    }).catch(function () {
      showError(messages.unexpected, []);
    }).then(function () {
      button.disabled = false;
      button.textContent = messages.submit;
    });
  });
})();
`;
