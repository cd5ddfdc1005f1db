/*
 * Wagtail's rich text editor (Draftail) leaves its editable box (role="textbox") without an
 * accessible name, so a screen reader announces an unnamed text box (axe-core:
 * aria-input-field-name). Name each box by its field's own label, including boxes that
 * StreamField adds later. The page works the same without this script; it only adds names.
 */
(function () {
  "use strict";

  function nameBoxes() {
    var boxes = document.querySelectorAll(
      '[role="textbox"][contenteditable="true"]:not([aria-labelledby]):not([aria-label])'
    );
    boxes.forEach(function (box) {
      var field = box.closest("[data-field]") || box.closest(".w-field");
      var input = field && field.querySelector("input[data-draftail-input]");
      var label = input && input.id && document.querySelector('label[for="' + input.id + '"]');
      if (!label) {
        return;
      }
      if (!label.id) {
        label.id = input.id + "-label";
      }
      box.setAttribute("aria-labelledby", label.id);
    });
  }

  var pending = false;
  function soon() {
    if (pending) {
      return;
    }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      nameBoxes();
    });
  }

  new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", nameBoxes);
})();
