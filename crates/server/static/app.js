// tierwatch's only script (served as /static/app.js; the Content-Security-Policy allows no
// inline script). The pages work without it: a <select data-autosubmit> submits its form on
// change, and the form's submit button, needed only without JavaScript, is hidden.
"use strict";
document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
  select.addEventListener("change", () => select.form.submit());
  select.form.querySelectorAll("button[type=submit]").forEach((b) => { b.hidden = true; });
});
