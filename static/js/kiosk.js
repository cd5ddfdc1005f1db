// Kiosk mode at events: after a quiet minute on the thank-you page, go back to an empty form
// for the next person by pressing "Next person" for them, which ends this person's visit. Any
// tap, key or scroll restarts the minute, and "Stay on this page" stops it (WCAG 2.2.1, timing
// adjustable). Without JavaScript, "Next person" does the same.
(function () {
  "use strict";
  var box = document.querySelector(".kiosk-return");
  var next = document.querySelector("[data-kiosk-next]");
  if (!box || !next) {
    return;
  }
  var seconds = parseInt(box.getAttribute("data-kiosk-seconds"), 10) || 60;
  var status = box.querySelector("[data-kiosk-status]");
  var stay = box.querySelector("[data-kiosk-stay]");
  var remaining = seconds;
  // The words come from the page, in its language; these are the English fallbacks.
  var countdown = box.getAttribute("data-kiosk-countdown") || "Going back to an empty form in %(seconds)s seconds.";
  var stayed = box.getAttribute("data-kiosk-stayed") || "This page will stay until you choose Next person.";

  function restart() {
    remaining = seconds;
    status.textContent = "";
  }

  var timer = window.setInterval(function () {
    remaining -= 1;
    if (remaining <= 0) {
      window.clearInterval(timer);
      next.submit();
    } else if (remaining <= 20) {
      status.textContent = countdown.replace("%(seconds)s", remaining);
    }
  }, 1000);

  ["pointerdown", "keydown", "scroll", "touchstart"].forEach(function (name) {
    document.addEventListener(name, restart, { passive: true });
  });

  stay.hidden = false;
  stay.addEventListener("click", function () {
    window.clearInterval(timer);
    stay.hidden = true;
    status.textContent = stayed;
  });
})();
