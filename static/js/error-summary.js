// After a form comes back with errors, move focus to the error summary, as the GOV.UK pattern
// does, so keyboard and screen reader users start where the problems are listed. A link in
// the summary then moves focus to its field. Without JavaScript the summary still leads the
// page and role="alert" announces it.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    var label = document.querySelector("label[for='" + field.id + "']") || field.closest("fieldset");
    (label || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
