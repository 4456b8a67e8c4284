// Keyboard shortcuts on the review page: a = same person, r = different, u = unsure, n = skip.
// The page works without this file (the buttons carry access keys).
(function () {
  "use strict";
  var form = document.getElementById("verdict");
  if (!form) { return; }
  var verdicts = { a: "same", r: "different", u: "unsure" };
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) { return; }
    var key = event.key.toLowerCase();
    if (key === "n") {
      var skip = document.getElementById("skip");
      if (skip) { window.location.href = skip.href; }
      return;
    }
    var verdict = verdicts[key];
    if (!verdict) { return; }
    var button = form.querySelector('button[value="' + verdict + '"]');
    if (button) { event.preventDefault(); button.click(); }
  });
})();
