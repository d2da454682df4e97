// Progressive enhancement for the page editor: the preview follows the text as the trainer types.
// Without JavaScript the Preview button does the same with a full page load. The HTML comes from the
// server's one sanitising Markdown renderer, exactly as learners will see it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-preview]");
  if (!form || !window.fetch) return;
  var body = form.querySelector("textarea[name=body]");
  var box = document.getElementById("live-preview");
  var target = box && box.querySelector(".lesson");
  if (!body || !target) return;
  var timer = null;
  var sent = 0;
  function refresh() {
    var data = new FormData();
    data.append("csrf_token", form.querySelector("input[name=csrf_token]").value);
    data.append("text", body.value);
    var mine = ++sent;
    fetch(form.getAttribute("data-live-preview"), { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || mine !== sent) return;
        target.innerHTML = html;
        box.hidden = false;
      })
      .catch(function () {});
  }
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 600);
  });
})();
